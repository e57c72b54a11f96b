package dev.replaytwin.deploy.stubs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static java.util.Objects.requireNonNull;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import dev.replaytwin.core.run.DependencyCall;
import dev.replaytwin.core.run.RunDirectory;
import dev.replaytwin.deploy.stubs.StubIndex.DependencyStubs;
import dev.replaytwin.deploy.stubs.internal.CallJournal;
import dev.replaytwin.deploy.stubs.internal.CallRecorder;
import dev.replaytwin.deploy.stubs.internal.FaultBook;
import dev.replaytwin.deploy.stubs.internal.MappingFactory;
import dev.replaytwin.deploy.stubs.internal.RunClock;
import dev.replaytwin.deploy.stubs.internal.SimulatorTransformer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * The simulated dependencies of ONE twin: a WireMock server per dependency of a stubs directory,
 * each on a free loopback port, serving the captured responses with the fitted latencies and the
 * faults asked for. Each twin gets its own, so sequence positions and the call log are its own.
 *
 * <pre>{@code
 * try (DependencySimulators deps = DependencySimulators.start(Path.of("stubs"), "candidate",
 *     SimulatorOptions.DEFAULTS.withFaults(FaultPlan.of(Fault.errors("payments", 0.05, 503))))) {
 *   TwinContext context = new TwinContext("candidate", deps.urls(), logDir);
 *   deps.markStart();   // at the replay's t0: faults with startAfter count from here
 *   …
 *   deps.writeCalls(run, "candidate");   // targets/candidate/calls.jsonl
 * }
 * }</pre>
 *
 * <p>A call no stub matches is answered {@code 501} with {@code X-Twin-Unmatched: 1} and a body
 * naming it, and counted ({@link #unmatched()}); or, when {@link SimulatorOptions#proxies()} names a
 * real URL for its dependency, sent there. Every call is logged with the trace id of its
 * {@code traceparent}, so each replayed request's calls can be counted.
 */
public final class DependencySimulators implements AutoCloseable {
  /** Calls kept in memory for {@link #calls()} and {@link #writeCalls}; later ones are counted only. */
  public static final int MAX_CALLS_KEPT = 1_000_000;
  private static final int UNMATCHED_PRIORITY = 100;

  private final String twin;
  private final Map<String, WireMockServer> servers;
  private final Map<String, URI> urls;
  private final RunClock clock;
  private final CallJournal journal;
  private final AtomicBoolean closed = new AtomicBoolean();

  private DependencySimulators(String twin, Map<String, WireMockServer> servers, RunClock clock, CallJournal journal) {
    this.twin = twin;
    this.servers = servers;
    this.clock = clock;
    this.journal = journal;
    Map<String, URI> u = new LinkedHashMap<>();
    servers.forEach((dep, s) -> u.put(dep, URI.create("http://127.0.0.1:" + s.port())));
    this.urls = java.util.Collections.unmodifiableMap(u);
  }

  /**
   * Starts a simulator for every dependency in {@code stubsDir} (made by {@link StubGenerator}).
   * The fault clock starts now; call {@link #markStart()} when the replay does.
   *
   * @throws StubsException when {@code stubsDir} is not a stubs directory, or a fault or proxy names
   *     a dependency it does not have
   */
  public static DependencySimulators start(Path stubsDir, String twinName, SimulatorOptions options)
      throws IOException, StubsException {
    requireNonNull(stubsDir, "stubsDir");
    requireNonNull(twinName, "twinName");
    requireNonNull(options, "options");
    StubIndex index = StubIndex.read(stubsDir);
    Set<String> known = index.dependencies().stream().map(DependencyStubs::name)
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> named = new TreeSet<>(options.proxies().keySet());
    options.faults().faults().forEach(f -> named.add(f.dependency()));
    named.removeAll(known);
    if (!named.isEmpty()) {
      throw new StubsException(String.join(", ", named) + ": no such dependency in " + stubsDir
          + " (it has: " + String.join(", ", known) + ")");
    }
    try {
      FaultBook.validate(options.faults());
    } catch (IllegalArgumentException e) {
      throw new StubsException(e.getMessage(), e);
    }
    RunClock clock = new RunClock();
    CallJournal journal = new CallJournal(MAX_CALLS_KEPT);
    Map<String, WireMockServer> servers = new LinkedHashMap<>();
    try {
      int port = options.portBase();
      for (DependencyStubs dep : index.dependencies()) {
        Path dir = stubsDir.resolve(dep.name());
        if (!Files.isDirectory(dir.resolve("mappings"))) {
          throw new StubsException(dir + ": no mappings/ directory (the stubs are incomplete; make them again)");
        }
        if (port > 65535) {
          throw new StubsException("port base " + options.portBase() + ": too high for " + index.dependencies().size()
              + " dependencies (expected: at most " + (65536 - index.dependencies().size()) + ")");
        }
        servers.put(dep.name(), server(dep, dir, twinName, options, port, clock, journal));
        port += port == 0 ? 0 : 1;
        journal.register(dep.name());
      }
    } catch (StubsException | RuntimeException e) {
      servers.values().forEach(WireMockServer::stop);
      throw e;
    }
    return new DependencySimulators(twinName, servers, clock, journal);
  }

  private static WireMockServer server(DependencyStubs dep, Path dir, String twin, SimulatorOptions options,
      int port, RunClock clock, CallJournal journal) throws StubsException {
    Map<String, LatencyModel> latency = new LinkedHashMap<>();
    dep.endpoints().forEach(e -> latency.put(e.endpoint(), e.latency()));
    long seed = options.faults().seed() * 31 + dep.name().hashCode();
    SimulatorTransformer transformer = new SimulatorTransformer(dep.name(), twin, latency, options.latency(),
        FaultBook.of(options.faults(), dep.name()), clock, journal, seed);
    WireMockServer server = new WireMockServer((port == 0 ? options().dynamicPort() : options().port(port))
        .bindAddress("127.0.0.1")
        .usingFilesUnderDirectory(dir.toString())
        .extensions(transformer, new CallRecorder(dep.name(), journal))
        // The captured bytes, as captured: no compression, no templating of bodies that look like templates.
        .gzipDisabled(true)
        .templatingEnabled(false)
        // The call log is the journal; WireMock's own would grow for the whole run.
        .disableRequestJournal()
        // Delays wait on a scheduler, not on a request thread, so slow endpoints do not starve the rest.
        .asynchronousResponseEnabled(true)
        .asynchronousResponseThreads(4)
        .notifier(new Slf4jNotifier(false)));
    try {
      server.start();
    } catch (RuntimeException e) {
      throw new StubsException(dep.name() + ": cannot listen on 127.0.0.1:" + (port == 0 ? "a free port" : port)
          + " (" + e.getMessage() + ")" + (port == 0 ? "" : "; is the port in use? pick another port base"), e);
    }
    URI proxy = options.proxies().get(dep.name());
    ResponseDefinitionBuilder fallback = proxy != null
        ? aResponse().proxiedFrom(proxy.toString())
        : aResponse().withStatus(SimulatorTransformer.UNMATCHED_STATUS);
    Map<String, Object> ours = new LinkedHashMap<>();
    ours.put("role", proxy != null ? SimulatorTransformer.ROLE_PROXY : SimulatorTransformer.ROLE_UNMATCHED);
    server.stubFor(any(anyUrl()).atPriority(UNMATCHED_PRIORITY)
        .withMetadata(Map.of(MappingFactory.METADATA_KEY, ours))
        .willReturn(fallback));
    return server;
  }

  /** The twin these simulators serve. */
  public String twinName() {
    return twin;
  }

  /** Dependency name → base URL of its simulator ({@code http://127.0.0.1:PORT}), for {@code TwinContext}. */
  public Map<String, URI> urls() {
    return urls;
  }

  /** The replay starts now: faults' {@code startAfter} counts from here. */
  public void markStart() {
    clock.markStart();
  }

  /** The replay starts (or started) at {@code t0}. */
  public void markStart(Instant t0) {
    clock.markStart(requireNonNull(t0, "t0"));
  }

  /** Every call served so far (up to {@link #MAX_CALLS_KEPT}), in arrival order. */
  public List<DependencyCall> calls() {
    return journal.calls();
  }

  /** Per dependency, the calls no stub matched (answered 501 or proxied); 0 for the others. */
  public Map<String, Long> unmatched() {
    return journal.unmatched();
  }

  /** Calls served but not kept, past {@link #MAX_CALLS_KEPT}. */
  public long droppedCalls() {
    return journal.dropped();
  }

  /**
   * Appends the calls not written yet to {@code targets/<target>/calls.jsonl} of {@code run}, in
   * arrival order. Call it once the replay is over (a call still waiting for a proxied response is
   * written with status 0); calling it again writes only the calls since.
   */
  public void writeCalls(RunDirectory run, String target) throws IOException {
    journal.writeTo(run.calls(target));
  }

  /** Stops every simulator; closing twice is harmless. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    List<RuntimeException> failures = new ArrayList<>();
    servers.values().forEach(s -> {
      try {
        s.stop();
      } catch (RuntimeException e) {
        failures.add(e);
      }
    });
    if (!failures.isEmpty()) {
      throw failures.get(0);
    }
  }
}
