package dev.replaytwin.cli.internal;

import dev.replaytwin.core.ContextTags;
import dev.replaytwin.core.Nullable;
import dev.replaytwin.core.capture.CaptureWriter;
import dev.replaytwin.core.capture.CaptureWriterOptions;
import dev.replaytwin.proxy.AdminServer;
import dev.replaytwin.proxy.CaptureProxy;
import dev.replaytwin.proxy.CaptureTap;
import dev.replaytwin.proxy.Mirror;
import dev.replaytwin.proxy.ProxyMetrics;
import dev.replaytwin.proxy.ProxyMetrics.DropReason;
import dev.replaytwin.proxy.ProxyOptions;
import dev.replaytwin.proxy.Route;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One run of {@code twin capture proxy}: the capture writer, the tap, the optional mirror and admin
 * port, and the proxy, started in that order and stopped in reverse, so that every exchange the
 * proxy answered before shutdown reaches the sealed file.
 */
public final class ProxySession implements AutoCloseable {
  /** Everything the command line decided. */
  public record Config(ProxyOptions proxy, Path out, boolean overwrite, long rotateBytes, Duration rotateAge,
      @Nullable Path scrubPolicy, @Nullable Path scrubKeyFile, Map<String, String> tags,
      @Nullable Route mirror, boolean mirrorWrites, int mirrorMaxInFlight, @Nullable InetSocketAddress admin,
      int queue, long queueMemory, Duration drainTimeout) {}

  private final Config config;
  private final PrintWriter err;
  private final ProxyMetrics metrics;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicBoolean stopping = new AtomicBoolean();
  private CaptureWriter writer;
  private CaptureTap tap;
  private Mirror mirror;
  private CaptureProxy proxy;
  private AdminServer adminServer;
  private Thread hook;

  private ProxySession(Config config, PrintWriter err) {
    this.config = config;
    this.err = err;
    this.metrics = new ProxyMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  /** Opens the capture and starts serving; on failure everything started so far is stopped. */
  public static ProxySession start(Config config, PrintWriter err) throws IOException {
    ProxySession s = new ProxySession(config, err);
    try {
      s.startAll();
    } catch (IOException | RuntimeException e) {
      s.abandon();
      throw e;
    }
    return s;
  }

  private void startAll() throws IOException {
    ScrubSetup scrub = ScrubSetup.load(config.scrubPolicy(), config.scrubKeyFile());
    ContextTags context = contextTags(withUpstream(config.tags(), config.proxy().upstream()));
    CaptureWriterOptions.Builder wo = CaptureWriterOptions.builder()
        .overwrite(config.overwrite())
        .writerName("twin capture proxy " + VersionProvider.version())
        .scrubPolicyDigest(scrub.digest())
        .context(context);
    if (config.rotateBytes() > 0 || !config.rotateAge().isZero()) {
      wo.rotateEvery(config.rotateBytes(), config.rotateAge());
    }
    try {
      writer = CaptureWriter.open(config.out(), wo.build());
    } catch (FileAlreadyExistsException e) {
      throw new InvalidInputException(config.out() + ": already exists (use --overwrite or another --out)", e);
    }
    CaptureWriter w = writer;
    metrics.gauge("twin.capture.lost", "Exchanges accepted by the writer but lost when their block could not be"
        + " written (disk full, read-only)", () -> w.stats().recordsLost());
    tap = new CaptureTap(writer::append, scrub.scrubber(), config.queue(), config.queueMemory(), metrics);
    if (config.mirror() != null) {
      mirror = new Mirror(config.mirror(), config.mirrorWrites(), config.mirrorMaxInFlight(), Duration.ofSeconds(10),
          config.proxy().captureBodyLimit(), config.proxy().upstreamCa(), metrics);
      tap.mirrorTo(mirror);
    }
    try {
      proxy = CaptureProxy.start(config.proxy(), tap, metrics, context);
      if (config.admin() != null) {
        adminServer = AdminServer.start(config.admin(), (PrometheusMeterRegistry) metrics.registry(),
            () -> proxy.isReady());
      }
    } catch (IOException e) {
      throw new InvalidInputException(e.getMessage() + " (is another process using it?)", e);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage(), e);
    }
    if (scrub.ephemeralKey()) {
      err.println("warning: no pseudonym key (TWIN_SCRUB_KEY or --scrub-key-file): pseudonyms are"
          + " consistent within this run only");
    }
    err.println("twin capture proxy: " + url(proxy.address(), config.proxy().tls() != null) + " -> "
        + config.proxy().upstream() .toString().substring("upstream=".length())
        + (proxy.egressAddress() == null ? "" : ", egress " + url(proxy.egressAddress(), config.proxy().tls() != null))
        + (adminServer == null ? "" : ", admin http://" + hostPort(adminServer.address()))
        + ", capturing to " + config.out() + " (SIGTERM or Ctrl-C stops)");
    err.flush();
    hook = new Thread(this::stop, "twin-proxy-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Undoes a start that failed part-way: stops what runs and removes the capture it had just created. */
  private void abandon() {
    stopping.set(true);
    stopServing(Duration.ZERO, Duration.ofSeconds(1));
    if (writer != null) {
      try {
        writer.close();
        if (writer.stats().recordsWritten() == 0) {
          for (Path segment : writer.stats().segments()) {
            Files.deleteIfExists(segment);
          }
        }
      } catch (IOException e) {
        err.println("warning: could not remove the empty capture " + config.out() + ": " + e.getMessage());
      }
    }
    stopped.countDown();
  }

  /** Blocks until a shutdown signal has stopped the session. */
  public void awaitShutdownSignal() throws InterruptedException {
    stopped.await();
  }

  /** Drains and seals; safe to call more than once and from the shutdown hook. */
  public void stop() {
    if (!stopping.compareAndSet(false, true)) {
      return;
    }
    try {
      stopServing(config.drainTimeout(), config.drainTimeout());
      if (writer != null) {
        writer.close();
        CaptureWriter.Stats st = writer.stats();
        long dropped = 0;
        for (DropReason r : DropReason.values()) {
          if (!r.mirror()) {
            dropped += metrics.droppedCount(r);
          }
        }
        err.println("twin capture proxy: stopped; " + st.recordsWritten() + " exchanges written to "
            + config.out() + ", " + (dropped + st.recordsLost()) + " captures dropped");
        err.flush();
      }
    } catch (IOException | RuntimeException e) {
      err.println("error: while stopping: " + e.getMessage());
      err.flush();
    } finally {
      stopped.countDown();
    }
  }

  /**
   * Stops what feeds the writer, in the order that loses nothing: the admin port, the proxy
   * (draining for {@code proxyDrain}), the tap (writing its queue for {@code tapDrain}), the mirror.
   * The writer itself stays open.
   */
  private void stopServing(Duration proxyDrain, Duration tapDrain) {
    if (adminServer != null) {
      adminServer.close();
    }
    if (proxy != null) {
      proxy.close(proxyDrain);
    }
    if (tap != null) {
      tap.close(tapDrain);
    }
    if (mirror != null) {
      mirror.close();
    }
  }

  @Override
  public void close() {
    stop();
    if (hook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // Already shutting down: the hook is running or ran.
      }
    }
  }

  public @Nullable InetSocketAddress address() {
    return proxy == null ? null : proxy.address();
  }

  /**
   * Adds the {@code upstream} tag (unless given): the replayer reads it to refuse replaying
   * against the production service the capture came from.
   */
  static Map<String, String> withUpstream(Map<String, String> tags, Route upstream) {
    Map<String, String> all = new java.util.LinkedHashMap<>(tags);
    String host = upstream.host().indexOf(':') >= 0 ? "[" + upstream.host() + "]" : upstream.host();
    all.putIfAbsent("upstream", (upstream.secure() ? "https://" : "http://") + host + ":" + upstream.port());
    return all;
  }

  static ContextTags contextTags(Map<String, String> tags) {
    String service = "";
    String environment = "";
    String region = "";
    String release = "";
    Map<String, String> extra = new HashMap<>();
    for (Map.Entry<String, String> t : tags.entrySet()) {
      switch (t.getKey().toLowerCase(Locale.ROOT)) {
        case "service" -> service = t.getValue();
        case "env", "environment" -> environment = t.getValue();
        case "region" -> region = t.getValue();
        case "release", "version" -> release = t.getValue();
        default -> extra.put(t.getKey(), t.getValue());
      }
    }
    return new ContextTags(service, environment, region, release, extra);
  }

  private static String url(InetSocketAddress a, boolean tls) {
    return (tls ? "https://" : "http://") + hostPort(a);
  }

  private static String hostPort(InetSocketAddress a) {
    String host = a.getAddress().getHostAddress();
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + a.getPort();
  }
}
