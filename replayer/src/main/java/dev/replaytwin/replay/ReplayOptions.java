package dev.replaytwin.replay;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.core.Nullable;
import dev.replaytwin.core.endpoint.EndpointNamer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a replay needs: the capture, the targets, how to space and choose the requests, and
 * where to write the run. Built with {@link #builder(Path, Path)}; {@link Builder#build()} checks
 * the combination and says what is wrong in one line.
 *
 * <pre>{@code
 * ReplayOptions options = ReplayOptions.builder(Path.of("prod.twcap"), Path.of("runs/rc-42"))
 *     .target(Target.parse("baseline=http://127.0.0.1:9001", true))
 *     .target(Target.parse("candidate=http://127.0.0.1:9002", true))
 *     .pacing(new Pacing.Scaled(2.0))
 *     .build();
 * }</pre>
 */
public record ReplayOptions(
    Path capture, Path out, List<Target> targets, Pacing pacing, @Nullable Duration duration, boolean loop,
    long fromNanos, long toNanos, List<String> include, List<String> exclude, double sample,
    Map<String, String> setHeaders, List<String> dropHeaders, Shard shard, @Nullable Instant startAt,
    boolean readOnly, boolean allowProduction, Duration lagBound, int bodyCap, int maxConnections,
    int maxWaiting, int closedLoopConcurrency, Duration connectTimeout, Duration responseTimeout, @Nullable Path trustedCa,
    @Nullable SessionRule session, List<CorrelationRule> correlations, EndpointNamer endpoints,
    boolean skipCorrupt, Duration logInterval, Duration warmup, boolean trace) {

  public ReplayOptions {
    requireNonNull(capture, "capture");
    requireNonNull(out, "out");
    targets = List.copyOf(targets);
    requireNonNull(pacing, "pacing");
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
    setHeaders = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(setHeaders));
    dropHeaders = List.copyOf(dropHeaders);
    requireNonNull(shard, "shard");
    requireNonNull(lagBound, "lagBound");
    requireNonNull(connectTimeout, "connectTimeout");
    requireNonNull(responseTimeout, "responseTimeout");
    correlations = List.copyOf(correlations);
    requireNonNull(endpoints, "endpoints");
    requireNonNull(logInterval, "logInterval");
    requireNonNull(warmup, "warmup");
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("targets: none (expected: at least one --target NAME=URL)");
    }
    Set<String> names = new HashSet<>();
    for (Target t : targets) {
      if (!names.add(t.name())) {
        throw new IllegalArgumentException("target " + t.name() + ": given twice (expected: a distinct name per target)");
      }
    }
    if (!(sample > 0 && sample <= 1)) {
      throw new IllegalArgumentException("sample: " + sample + " (expected: a share of requests in (0, 1], e.g. 0.1)");
    }
    if (fromNanos > toNanos) {
      throw new IllegalArgumentException("from/to: --from is after --to (expected: from <= to)");
    }
    if (duration != null && (duration.isNegative() || duration.isZero())) {
      throw new IllegalArgumentException("duration: " + duration + " (expected: > 0, e.g. 10m)");
    }
    if (loop && duration == null) {
      throw new IllegalArgumentException("loop: --loop needs --duration (expected: e.g. --loop --duration 30m)");
    }
    if (!correlations.isEmpty() && session == null) {
      throw new IllegalArgumentException("correlate: correlation rules need a session rule (expected: --session"
          + " cookie:NAME, header:NAME or connection)");
    }
    positive("bodyCap", bodyCap, 0);
    positive("maxConnections", maxConnections, 1);
    positive("maxWaiting", maxWaiting, 0);
    positive("closedLoopConcurrency", closedLoopConcurrency, 1);
    if (warmup.isNegative()) {
      throw new IllegalArgumentException("warmup: " + warmup + " (expected: >= 0, e.g. 30s)");
    }
    if (duration != null && warmup.compareTo(duration) >= 0) {
      throw new IllegalArgumentException("warmup: " + warmup + " is not shorter than --duration " + duration
          + " (expected: a warm-up that leaves some of the run to measure)");
    }
    if (lagBound.isNegative() || lagBound.isZero()) {
      throw new IllegalArgumentException("lagBound: " + lagBound + " (expected: > 0, e.g. 1ms)");
    }
  }

  private static void positive(String name, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(name + ": " + value + " (expected: >= " + min + ")");
    }
  }

  public static Builder builder(Path capture, Path out) {
    return new Builder(capture, out);
  }

  /** Builds {@link ReplayOptions}; defaults: captured timing at speed 1, whole capture, lag bound 1 ms. */
  public static final class Builder {
    private final Path capture;
    private final Path out;
    private final List<Target> targets = new ArrayList<>();
    private Pacing pacing = new Pacing.Scaled(1.0);
    private @Nullable Duration duration;
    private boolean loop;
    private long fromNanos = Long.MIN_VALUE;
    private long toNanos = Long.MAX_VALUE;
    private final List<String> include = new ArrayList<>();
    private final List<String> exclude = new ArrayList<>();
    private double sample = 1.0;
    private final Map<String, String> setHeaders = new LinkedHashMap<>();
    private final List<String> dropHeaders = new ArrayList<>();
    private Shard shard = Shard.WHOLE;
    private @Nullable Instant startAt;
    private boolean readOnly;
    private boolean allowProduction;
    private Duration lagBound = Duration.ofMillis(1);
    private int bodyCap = 64 * 1024;
    private int maxConnections = 1024;
    private int maxWaiting = 100_000;
    private int closedLoopConcurrency = 64;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration responseTimeout = Duration.ofSeconds(30);
    private @Nullable Path trustedCa;
    private @Nullable SessionRule session;
    private final List<CorrelationRule> correlations = new ArrayList<>();
    private EndpointNamer endpoints = EndpointNamer.defaults();
    private boolean skipCorrupt;
    private Duration logInterval = Duration.ofSeconds(1);
    private Duration warmup = Duration.ZERO;
    private boolean trace = true;

    private Builder(Path capture, Path out) {
      this.capture = capture;
      this.out = out;
    }

    public Builder target(Target t) { targets.add(requireNonNull(t, "target")); return this; }
    public Builder pacing(Pacing p) { pacing = p; return this; }
    public Builder duration(@Nullable Duration d) { duration = d; return this; }
    public Builder loop(boolean l) { loop = l; return this; }
    /** Only requests captured in [from, to] (epoch nanos). */
    public Builder between(long from, long to) { fromNanos = from; toNanos = to; return this; }
    /** Only requests matching one of these globs, e.g. {@code /api/**} or {@code GET /users/*}. */
    public Builder include(String glob) { include.add(requireNonNull(glob, "include")); return this; }
    public Builder exclude(String glob) { exclude.add(requireNonNull(glob, "exclude")); return this; }
    public Builder sample(double share) { sample = share; return this; }
    public Builder setHeader(String name, String value) { setHeaders.put(name, value); return this; }
    public Builder dropHeader(String name) { dropHeaders.add(name); return this; }
    public Builder shard(Shard s) { shard = s; return this; }
    public Builder startAt(@Nullable Instant at) { startAt = at; return this; }
    public Builder readOnly(boolean r) { readOnly = r; return this; }
    public Builder allowProduction(boolean a) { allowProduction = a; return this; }
    public Builder lagBound(Duration d) { lagBound = d; return this; }
    public Builder bodyCap(int bytes) { bodyCap = bytes; return this; }
    public Builder maxConnections(int n) { maxConnections = n; return this; }
    /** Requests per target that may wait for a free connection; more are dropped (and the run invalid). */
    public Builder maxWaiting(int n) { maxWaiting = n; return this; }
    /** Requests in flight per target in the closed-loop {@link Pacing.Max} mode. */
    public Builder closedLoopConcurrency(int n) { closedLoopConcurrency = n; return this; }
    public Builder connectTimeout(Duration d) { connectTimeout = d; return this; }
    public Builder responseTimeout(Duration d) { responseTimeout = d; return this; }
    public Builder trustedCa(@Nullable Path pem) { trustedCa = pem; return this; }
    public Builder session(@Nullable SessionRule rule) { session = rule; return this; }
    public Builder correlate(CorrelationRule rule) { correlations.add(requireNonNull(rule, "rule")); return this; }
    public Builder endpoints(EndpointNamer namer) { endpoints = namer; return this; }
    public Builder skipCorrupt(boolean skip) { skipCorrupt = skip; return this; }
    /** How often latency intervals are logged and progress reported. */
    public Builder logInterval(Duration d) { logInterval = d; return this; }
    /**
     * How long, from t0, requests are sent but not measured: their latency is not logged and their
     * send lag is not judged, so the twins' and the replayer's cold start do not count.
     */
    public Builder warmup(Duration d) { warmup = d; return this; }
    /**
     * Whether each request carries the replayer's own {@code traceparent} (from
     * {@link dev.replaytwin.core.run.TraceIds}), replacing the captured one, so dependency
     * simulators can tell which replayed request made each outbound call. On by default.
     */
    public Builder trace(boolean t) { trace = t; return this; }

    public ReplayOptions build() {
      return new ReplayOptions(capture, out, targets, pacing, duration, loop, fromNanos, toNanos, include, exclude,
          sample, setHeaders, dropHeaders, shard, startAt, readOnly, allowProduction, lagBound, bodyCap,
          maxConnections, maxWaiting, closedLoopConcurrency, connectTimeout, responseTimeout, trustedCa, session, correlations,
          endpoints, skipCorrupt, logInterval, warmup, trace);
    }
  }
}
