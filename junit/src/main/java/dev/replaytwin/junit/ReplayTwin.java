package dev.replaytwin.junit;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.compare.GatePolicy;
import dev.replaytwin.compare.report.ReportFormat;
import dev.replaytwin.core.Nullable;
import dev.replaytwin.core.capture.TimePoint;
import dev.replaytwin.junit.internal.TestReplay;
import dev.replaytwin.replay.Pacing;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One replay test: a capture replayed against the candidate service a test started (and a baseline
 * service, or the capture's own recorded responses), judged by the comparator under a gate policy,
 * with the reports written. What {@link ReplayTest} runs; usable on its own from any test.
 *
 * <pre>{@code
 * ReplayResult r = ReplayTwin.builder(Path.of("src/test/resources/incident-2026-11-20.twcap"))
 *     .policy(Path.of("src/test/resources/gate.yaml"))
 *     .candidate(URI.create("http://127.0.0.1:" + service.port()))
 *     .rate("200/s")
 *     .reportDir(Path.of("target/replaytwin/checkout-incident"))
 *     .build()
 *     .run();
 * r.assertPassed();
 * }</pre>
 *
 * <p>Without a {@link Builder#baseline baseline}, the candidate is judged against the responses the
 * capture recorded, served to the replayer by a twin that answers each request with its recorded
 * response: statuses, bodies (field by field for JSON) and the policy's headers are compared,
 * latency is not (a recording's latencies are production's, not a test machine's).
 *
 * @param capture the {@code .twcap} file (or the first of its segments)
 * @param policyFile a {@code gate.yaml}, read when the test runs, or null
 * @param policy a policy already read, or null; neither: {@link GatePolicy#standard()}
 * @param candidate the service under test
 * @param baseline the service it is compared with, or null for the capture's recorded responses
 * @param noise a second baseline (the same release as the baseline) measuring the noise floor, or null
 * @param pacing how requests are spaced: the captured timing scaled, or a rate
 * @param warmup how long from the start requests are sent but not judged
 * @param from only requests captured from this point, or null
 * @param to only requests captured up to this point, or null
 * @param include only requests matching one of these globs ({@code /api/**}, {@code GET /users/*}); none: all
 * @param exclude no request matching one of these globs
 * @param lagBound how late the replayer may send before it calls its own run invalid (INCONCLUSIVE), or
 *     null for {@link #DEFAULT_LAG_BOUND} against a baseline and no bound to speak of against the
 *     recording, where nothing timed is judged
 * @param responseTimeout how long a request may take, from send to last byte
 * @param reportDir where the reports and the run directory go; emptied first if an earlier replay test
 *     wrote it
 * @param formats the reports written
 * @param inconclusive what {@link ReplayResult#assertPassed()} does with an INCONCLUSIVE verdict
 */
public record ReplayTwin(Path capture, @Nullable Path policyFile, @Nullable GatePolicy policy, URI candidate,
    @Nullable URI baseline, @Nullable URI noise, Pacing pacing, Duration warmup, @Nullable TimePoint from,
    @Nullable TimePoint to, List<String> include, List<String> exclude, @Nullable Duration lagBound,
    Duration responseTimeout,
    Path reportDir, Set<ReportFormat> formats, Inconclusive inconclusive) {

  /**
   * The lag bound against a baseline service. A test shares its machine with the build, and its JVM
   * is cold; {@code twin replay}'s 1 ms would make most test runs INCONCLUSIVE. Both targets get each
   * request at the same instant, so lag slows both alike.
   */
  public static final Duration DEFAULT_LAG_BOUND = Duration.ofMillis(100);

  public ReplayTwin {
    requireNonNull(capture, "capture");
    requireNonNull(candidate, "candidate");
    requireNonNull(pacing, "pacing");
    requireNonNull(warmup, "warmup");
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
    requireNonNull(responseTimeout, "responseTimeout");
    requireNonNull(reportDir, "reportDir");
    if (formats.isEmpty()) {
      throw new IllegalArgumentException("formats: none (expected: one or more of html, md, junit, json)");
    }
    formats = Collections.unmodifiableSet(EnumSet.copyOf(formats));
    requireNonNull(inconclusive, "inconclusive");
    if (policyFile != null && policy != null) {
      throw new IllegalArgumentException("policy: both a file and a policy (expected: one of them)");
    }
    if (warmup.isNegative()) {
      throw new IllegalArgumentException("warmup: " + warmup + " (expected: >= 0, e.g. 5s)");
    }
    if (lagBound != null && (lagBound.isNegative() || lagBound.isZero())) {
      throw new IllegalArgumentException("lagBound: " + lagBound + " (expected: > 0, e.g. 50ms)");
    }
    if (responseTimeout.isNegative() || responseTimeout.isZero()) {
      throw new IllegalArgumentException("responseTimeout: " + responseTimeout + " (expected: > 0, e.g. 30s)");
    }
  }

  /** A replay of {@code capture}; the candidate is required, everything else has a default. */
  public static Builder builder(Path capture) {
    return new Builder(capture);
  }

  /**
   * Replays the capture, compares, writes the reports. Blocks for about the capture's span at the
   * chosen pacing, plus a second or two of the replayer's own warm-up.
   *
   * @throws ReplayTwinException when the test cannot be carried out (missing capture, invalid policy,
   *     a report directory that is not ours), saying what to do
   * @throws IOException when a file cannot be read or written
   */
  public ReplayResult run() throws IOException, InterruptedException {
    return TestReplay.run(this);
  }

  /**
   * Builds a {@link ReplayTwin}. Defaults: the standard policy, the captured timing at speed 1, the
   * whole capture, no warm-up, the default lag bound (see {@link ReplayTwin#lagBound}), a 30 s
   * response timeout, every report format, {@code target/replaytwin/<capture name>}, and INCONCLUSIVE
   * failing the test.
   */
  public static final class Builder {
    private final Path capture;
    private @Nullable Path policyFile;
    private @Nullable GatePolicy policy;
    private @Nullable URI candidate;
    private @Nullable URI baseline;
    private @Nullable URI noise;
    private Pacing pacing = new Pacing.Scaled(1.0);
    private Duration warmup = Duration.ZERO;
    private @Nullable TimePoint from;
    private @Nullable TimePoint to;
    private final List<String> include = new ArrayList<>();
    private final List<String> exclude = new ArrayList<>();
    private @Nullable Duration lagBound;
    private Duration responseTimeout = Duration.ofSeconds(30);
    private @Nullable Path reportDir;
    private Set<ReportFormat> formats = EnumSet.allOf(ReportFormat.class);
    private Inconclusive inconclusive = Inconclusive.FAIL;

    private Builder(Path capture) {
      this.capture = requireNonNull(capture, "capture");
    }

    /** A {@code gate.yaml} (docs/gating.md), read when the test runs. */
    public Builder policy(Path file) { policyFile = requireNonNull(file, "file"); policy = null; return this; }
    public Builder policy(GatePolicy p) { policy = requireNonNull(p, "policy"); policyFile = null; return this; }
    public Builder candidate(URI url) { candidate = requireNonNull(url, "candidate"); return this; }
    /** The service the candidate is compared with; without one, the capture's recorded responses. */
    public Builder baseline(@Nullable URI url) { baseline = url; return this; }
    /** A second baseline, the same release as the baseline: what differs between the two is noise. */
    public Builder noise(@Nullable URI url) { noise = url; return this; }
    /** The captured timing, {@code speed} times faster. */
    public Builder speed(double speed) { pacing = new Pacing.Scaled(speed); return this; }
    /** Evenly spaced at a rate whatever the captured timing: {@code 200/s}, {@code 30000/m}, {@code 2k/s}. */
    public Builder rate(String rate) { pacing = new Pacing.Even(Pacing.parseRate(rate)); return this; }
    public Builder pacing(Pacing p) { pacing = requireNonNull(p, "pacing"); return this; }
    public Builder warmup(Duration d) { warmup = requireNonNull(d, "warmup"); return this; }
    /** An ISO-8601 instant or an offset from the first exchange ({@code +30s}). */
    public Builder from(String point) { from = TimePoint.parse(point); return this; }
    public Builder to(String point) { to = TimePoint.parse(point); return this; }
    public Builder include(String... globs) { include.addAll(List.of(globs)); return this; }
    public Builder exclude(String... globs) { exclude.addAll(List.of(globs)); return this; }
    /** Null for the default: {@link #DEFAULT_LAG_BOUND} against a baseline, none to speak of against a recording. */
    public Builder lagBound(@Nullable Duration d) { lagBound = d; return this; }
    public Builder responseTimeout(Duration d) { responseTimeout = requireNonNull(d, "responseTimeout"); return this; }
    public Builder reportDir(Path dir) { reportDir = requireNonNull(dir, "reportDir"); return this; }
    /** {@code html,md,junit,json}, in any order. */
    public Builder formats(String list) { formats = ReportFormat.parse(list); return this; }
    public Builder inconclusive(Inconclusive i) { inconclusive = requireNonNull(i, "inconclusive"); return this; }

    /** @throws IllegalArgumentException when no candidate was given, or the options do not fit together */
    public ReplayTwin build() {
      if (candidate == null) {
        throw new IllegalArgumentException("candidate: none (expected: the URL of the service under test)");
      }
      Path dir = reportDir != null ? reportDir : Path.of("target", "replaytwin", stem(capture));
      return new ReplayTwin(capture, policyFile, policy, candidate, baseline, noise, pacing, warmup, from, to,
          include, exclude, lagBound, responseTimeout, dir, formats, inconclusive);
    }

    private static String stem(Path capture) {
      String name = capture.getFileName() == null ? "capture" : capture.getFileName().toString();
      int dot = name.lastIndexOf('.');
      return dot > 0 ? name.substring(0, dot) : name;
    }
  }
}
