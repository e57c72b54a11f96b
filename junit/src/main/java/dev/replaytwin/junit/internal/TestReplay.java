package dev.replaytwin.junit.internal;

import dev.replaytwin.compare.CompareException;
import dev.replaytwin.compare.CompareOptions;
import dev.replaytwin.compare.Comparison;
import dev.replaytwin.compare.GatePolicy;
import dev.replaytwin.compare.GatePolicyException;
import dev.replaytwin.compare.Verdict;
import dev.replaytwin.compare.report.Reports;
import dev.replaytwin.core.Nullable;
import dev.replaytwin.core.capture.CaptureFiles;
import dev.replaytwin.core.capture.CaptureFormatException;
import dev.replaytwin.junit.ReplayResult;
import dev.replaytwin.junit.ReplayTwin;
import dev.replaytwin.junit.ReplayTwinException;
import dev.replaytwin.replay.Replay;
import dev.replaytwin.replay.ReplayListener;
import dev.replaytwin.replay.ReplayOptions;
import dev.replaytwin.replay.Target;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Carries out a {@link ReplayTwin}: the policy read, the report directory prepared, the recorded
 * twin started when there is no baseline, the replay, the comparison, the reports.
 */
public final class TestReplay {
  /** The target name of the capture's recorded responses, as the run directory and verdict show it. */
  public static final String RECORDED = "recorded";

  private TestReplay() {}

  public static ReplayResult run(ReplayTwin t) throws IOException, InterruptedException {
    if (!Files.isRegularFile(t.capture())) {
      throw new ReplayTwinException("capture " + t.capture() + ": no such file (looked for "
          + t.capture().toAbsolutePath().normalize() + "; expected: a .twcap file, relative to the working directory"
          + " or on the test class path)");
    }
    GatePolicy policy = policy(t);
    try {
      ReportDirectory.prepare(t.reportDir());
    } catch (IllegalArgumentException e) {
      throw new ReplayTwinException(e.getMessage(), e);
    }
    Path runDir = t.reportDir().resolve("run");
    long[] window = window(t);
    List<String> notes = new ArrayList<>();
    RecordedTwin recorded = null;
    try {
      String baselineName = "baseline";
      String judgedAgainst;
      URI baselineUrl = t.baseline();
      if (baselineUrl == null) {
        RecordedResponses responses = readRecorded(t, window);
        recorded = RecordedTwin.start(responses);
        baselineUrl = recorded.url();
        baselineName = RECORDED;
        policy = RecordedPolicy.of(policy);
        judgedAgainst = "the responses recorded in " + t.capture() + " (statuses, bodies and the policy's headers;"
            + " latency is not judged against a recording)";
        if (responses.truncated() > 0) {
          notes.add(responses.truncated() + " recorded response bodies were cut short by the capture and cannot"
              + " match a whole answer; ignore \"body\" for their endpoints or capture with a larger body cap");
        }
      } else {
        judgedAgainst = "the baseline at " + baselineUrl;
      }
      ReplayOptions options = options(t, runDir, window, baselineName, baselineUrl);
      try {
        Replay.check(options);
        new Replay(options, ReplayListener.NONE).run();
      } catch (IllegalArgumentException e) {
        throw new ReplayTwinException("replay: " + e.getMessage(), e);
      }
      if (recorded != null && recorded.unknownRequests() > 0) {
        notes.add(recorded.unknownRequests() + " requests reached the recorded responses without the replayer's"
            + " traceparent and were answered 502");
      }
      Verdict verdict;
      try {
        verdict = Comparison.run(new CompareOptions(List.of(runDir), baselineName, "candidate",
            t.noise() == null ? "" : "baseline2", policy));
      } catch (CompareException e) {
        throw new ReplayTwinException("compare: " + e.getMessage(), e);
      }
      List<Path> reports = Reports.write(verdict, t.reportDir(), t.formats());
      return new ReplayResult(verdict, t.reportDir(), reports, runDir, judgedAgainst, notes, t.inconclusive());
    } finally {
      if (recorded != null) {
        recorded.close();
      }
    }
  }

  /**
   * Against a recording nothing timed is judged, so the replayer's pace cannot bias the verdict and a
   * slow machine should not make it INCONCLUSIVE: the bound is then the response timeout.
   */
  private static Duration lagBound(ReplayTwin t) {
    if (t.lagBound() != null) {
      return t.lagBound();
    }
    return t.baseline() == null ? t.responseTimeout() : ReplayTwin.DEFAULT_LAG_BOUND;
  }

  private static GatePolicy policy(ReplayTwin t) throws IOException {
    if (t.policy() != null) {
      return t.policy();
    }
    Path file = t.policyFile();
    if (file == null) {
      return GatePolicy.standard();
    }
    if (!Files.isRegularFile(file)) {
      throw new ReplayTwinException("policy " + file + ": no such file (looked for " + file.toAbsolutePath().normalize()
          + "; expected: a gate.yaml, see docs/gating.md)");
    }
    try {
      return GatePolicy.read(file);
    } catch (GatePolicyException e) {
      throw new ReplayTwinException(String.join("\n", e.problems()), e);
    }
  }

  /** The capture window in epoch nanos: offsets ({@code +30s}) count from the first exchange. */
  private static long[] window(ReplayTwin t) throws IOException {
    boolean relative = (t.from() != null && t.from().isRelative()) || (t.to() != null && t.to().isRelative());
    long first = relative ? CaptureFiles.firstCaptureTime(t.capture(), false).orElse(0) : 0;
    long from = t.from() == null ? Long.MIN_VALUE : t.from().resolve(first);
    long to = t.to() == null ? Long.MAX_VALUE : t.to().resolve(first);
    if (from > to) {
      throw new ReplayTwinException("from/to: from is after to (expected: from <= to)");
    }
    return new long[] {from, to};
  }

  private static RecordedResponses readRecorded(ReplayTwin t, long[] window) throws IOException {
    try {
      return RecordedResponses.read(t.capture(), window[0], window[1]);
    } catch (CaptureFormatException e) {
      throw new ReplayTwinException("capture " + t.capture() + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new ReplayTwinException(e.getMessage(), e);
    }
  }

  private static ReplayOptions options(ReplayTwin t, Path runDir, long[] window, String baselineName,
      URI baselineUrl) {
    try {
      ReplayOptions.Builder b = ReplayOptions.builder(t.capture(), runDir)
          .target(new Target(baselineName, baselineUrl, true))
          .target(new Target("candidate", t.candidate(), true))
          .pacing(t.pacing())
          .warmup(t.warmup())
          .lagBound(lagBound(t))
          .responseTimeout(t.responseTimeout())
          .between(window[0], window[1]);
      @Nullable URI noise = t.noise();
      if (noise != null) {
        b.target(new Target("baseline2", noise, true));
      }
      t.include().forEach(b::include);
      t.exclude().forEach(b::exclude);
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new ReplayTwinException(e.getMessage(), e);
    }
  }
}
