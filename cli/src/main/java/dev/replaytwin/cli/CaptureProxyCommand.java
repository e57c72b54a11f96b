package dev.replaytwin.cli;

import dev.replaytwin.cli.internal.AddressConverter;
import dev.replaytwin.cli.internal.ByteSizeConverter;
import dev.replaytwin.cli.internal.DurationConverter;
import dev.replaytwin.cli.internal.InvalidInputException;
import dev.replaytwin.cli.internal.ProxySession;
import dev.replaytwin.proxy.ForwardedHeaders;
import dev.replaytwin.proxy.ProxyOptions;
import dev.replaytwin.proxy.Route;
import dev.replaytwin.proxy.SamplingPolicy;
import dev.replaytwin.proxy.ServerTls;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code twin capture proxy}: runs the capture proxy in front of production until SIGTERM or
 * SIGINT, then drains in-flight requests and seals the capture.
 *
 * <pre>
 * twin capture proxy --listen 127.0.0.1:8080 --upstream http://127.0.0.1:9000 --out prod.twcap \
 *     --scrub rules.yaml --sample 10% --admin 127.0.0.1:9090 --tag service=shop --tag env=prod
 * </pre>
 */
@Command(
    name = "proxy",
    description = "Run the capture proxy: forward HTTP/1.1 traffic to the upstream and record scrubbed"
        + " exchanges to a capture file, until SIGTERM or Ctrl-C (then drain and seal the file).",
    sortOptions = false)
public final class CaptureProxyCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--listen", required = true, paramLabel = "HOST:PORT", converter = AddressConverter.class,
      description = "Address clients connect to.")
  private InetSocketAddress listen;

  @Option(names = "--upstream", required = true, paramLabel = "URL",
      description = "Production: http://host:port or https://host:port.")
  private String upstream;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The capture file to write.")
  private Path out;

  @Option(names = "--overwrite", description = "Replace FILE if it exists.")
  private boolean overwrite;

  @Option(names = "--rotate-size", paramLabel = "SIZE", converter = ByteSizeConverter.class,
      description = "Start a new numbered segment after SIZE bytes (e.g. 256MiB).")
  private Long rotateSize;

  @Option(names = "--rotate-every", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Start a new numbered segment after DURATION (e.g. 1h).")
  private Duration rotateEvery;

  @Option(names = "--scrub", paramLabel = "RULES.yaml",
      description = "Scrub policy (docs/scrubbing.md). Without it the safe defaults apply.")
  private Path scrub;

  @Option(names = "--scrub-key-file", paramLabel = "FILE",
      description = "File holding the pseudonym key. Default: the TWIN_SCRUB_KEY environment variable;"
          + " without either, a random key for this run only.")
  private Path scrubKeyFile;

  @Option(names = "--sample", paramLabel = "RATE", defaultValue = "100%",
      description = "Share of requests captured, e.g. 10%% (default: ${DEFAULT-VALUE}). All are proxied.")
  private String sample;

  @Option(names = "--sample-key", paramLabel = "SOURCE:NAME",
      description = "Sample consistently on a request value (header:X-User, cookie:session or query:user)"
          + " so the same user is always in or always out.")
  private String sampleKey;

  @Option(names = "--include", paramLabel = "GLOB", description = "Capture only paths matching (repeatable; * within a segment, ** across).")
  private List<String> include = new ArrayList<>();

  @Option(names = "--exclude", paramLabel = "GLOB", description = "Never capture paths matching (repeatable).")
  private List<String> exclude = new ArrayList<>();

  @Option(names = "--method", paramLabel = "METHOD", split = ",", description = "Capture only these methods.")
  private List<String> methods = new ArrayList<>();

  @Option(names = "--tag", paramLabel = "KEY=VALUE",
      description = "Context tag stored with every exchange (service, env, region, release, or any key).")
  private Map<String, String> tags = new LinkedHashMap<>();

  @Option(names = "--egress", paramLabel = "HOST:PORT", converter = AddressConverter.class,
      description = "Also listen here for the service's outbound calls and record them as OUTBOUND.")
  private InetSocketAddress egress;

  @Option(names = "--route", paramLabel = "NAME=URL",
      description = "An egress dependency: requests with Host NAME or path /NAME/... go to URL (repeatable).")
  private Map<String, String> routes = new LinkedHashMap<>();

  @Option(names = "--mirror", paramLabel = "URL", description = "Send a scrubbed copy of each captured request to a live twin.")
  private String mirror;

  @Option(names = "--mirror-writes", description = "Mirror POST, PUT, PATCH and DELETE too.")
  private boolean mirrorWrites;

  @Option(names = "--mirror-max-in-flight", paramLabel = "N", defaultValue = "64",
      description = "Most mirror copies outstanding; more are dropped and counted (default: ${DEFAULT-VALUE}).")
  private int mirrorMaxInFlight;

  @Option(names = "--admin", paramLabel = "HOST:PORT", converter = AddressConverter.class,
      description = "Serve /healthz, /readyz and /metrics (Prometheus) here.")
  private InetSocketAddress admin;

  @Option(names = "--tls-cert", paramLabel = "PEM", description = "Terminate TLS with this certificate chain.")
  private Path tlsCert;

  @Option(names = "--tls-key", paramLabel = "PEM", description = "Private key (PKCS#8 PEM) for --tls-cert.")
  private Path tlsKey;

  @Option(names = "--upstream-ca", paramLabel = "PEM",
      description = "Trust these CAs for https:// upstreams instead of the system store.")
  private Path upstreamCa;

  @Option(names = "--forwarded", paramLabel = "MODE", defaultValue = "append",
      description = "X-Forwarded-For/-Proto/-Host: append, replace or off (default: ${DEFAULT-VALUE}).")
  private String forwarded;

  @Option(names = "--connect-timeout", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class,
      description = "Upstream connect timeout; answered 504 (default: ${DEFAULT-VALUE}).")
  private Duration connectTimeout;

  @Option(names = "--upstream-timeout", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
      description = "Longest silence from the upstream once the request is sent; 504 (default: ${DEFAULT-VALUE}).")
  private Duration upstreamTimeout;

  @Option(names = "--idle-timeout", paramLabel = "DURATION", defaultValue = "75s", converter = DurationConverter.class,
      description = "Close idle client connections after this (default: ${DEFAULT-VALUE}).")
  private Duration idleTimeout;

  @Option(names = "--drain-timeout", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
      description = "On shutdown, wait this long for in-flight requests (default: ${DEFAULT-VALUE}).")
  private Duration drainTimeout;

  @Option(names = "--capture-body-limit", paramLabel = "SIZE", defaultValue = "256KiB", converter = ByteSizeConverter.class,
      description = "Body bytes kept per request and response; longer bodies are flagged truncated (default: ${DEFAULT-VALUE}).")
  private long bodyLimit;

  @Option(names = "--queue", paramLabel = "N", defaultValue = "16384",
      description = "Exchanges waiting for the capture writer before copies are dropped (default: ${DEFAULT-VALUE}).")
  private int queue;

  @Option(names = "--queue-memory", paramLabel = "SIZE", defaultValue = "256MiB", converter = ByteSizeConverter.class,
      description = "Body bytes waiting for the capture writer before copies are dropped (default: ${DEFAULT-VALUE}).")
  private long queueMemory;

  @Option(names = "--workers", paramLabel = "N",
      description = "Event-loop threads (default: the number of cores).")
  private Integer workers;

  @Override
  public Integer call() throws Exception {
    ProxySession.Config config = new ProxySession.Config(options(), out, overwrite, rotateSize == null ? 0 : rotateSize,
        rotateEvery == null ? Duration.ZERO : rotateEvery, scrub, scrubKeyFile, tags,
        mirror == null ? null : route("mirror", mirror), mirrorWrites, mirrorMaxInFlight, admin, queue,
        queueMemory, drainTimeout);
    try (ProxySession session = ProxySession.start(config, spec.commandLine().getErr())) {
      session.awaitShutdownSignal();
    }
    return ExitCodes.OK;
  }

  private ProxyOptions options() {
    if ((tlsCert == null) != (tlsKey == null)) {
      throw new InvalidInputException("--tls-cert and --tls-key go together (give both, or neither)", null);
    }
    for (Path p : new Path[] {tlsCert, tlsKey, upstreamCa, scrub, scrubKeyFile}) {
      if (p != null && !Files.isReadable(p)) {
        throw new InvalidInputException(p + ": no such file or not readable (check the path)", null);
      }
    }
    if (bodyLimit > 64L << 20) {
      throw new InvalidInputException("--capture-body-limit " + bodyLimit + " (expected: at most 64MiB)", null);
    }
    if (!routes.isEmpty() && egress == null) {
      throw new InvalidInputException("--route needs --egress HOST:PORT (the listener the service calls out through)", null);
    }
    if (egress != null && routes.isEmpty()) {
      throw new InvalidInputException("--egress needs at least one --route NAME=URL", null);
    }
    List<Route> egressRoutes = new ArrayList<>();
    routes.forEach((name, url) -> egressRoutes.add(route(name, url)));
    try {
      SamplingPolicy sampling = new SamplingPolicy(SamplingPolicy.parseRate(sample),
          sampleKey == null ? null : SamplingPolicy.Key.parse(sampleKey), include, exclude, Set.copyOf(methods));
      ProxyOptions.Builder b = ProxyOptions.builder(listen, route("upstream", upstream))
          .tls(tlsCert == null ? null : new ServerTls(tlsCert, tlsKey))
          .upstreamCa(upstreamCa)
          .forwarded(forwardedMode())
          .connectTimeout(connectTimeout)
          .upstreamTimeout(upstreamTimeout)
          .clientIdleTimeout(idleTimeout)
          .captureBodyLimit((int) bodyLimit)
          .sampling(sampling);
      if (egress != null) {
        b.egress(egress, egressRoutes);
      }
      if (workers != null) {
        b.workers(workers);
      }
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage(), e);
    }
  }

  private ForwardedHeaders forwardedMode() {
    try {
      return ForwardedHeaders.valueOf(forwarded.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("--forwarded " + forwarded + " (expected: append, replace or off)", e);
    }
  }

  private static Route route(String name, String url) {
    try {
      return Route.parse(name, url);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException((name.equals("upstream") || name.equals("mirror") ? "--" + name + " " : "--route " + name + "=")
          + e.getMessage(), e);
    }
  }
}
