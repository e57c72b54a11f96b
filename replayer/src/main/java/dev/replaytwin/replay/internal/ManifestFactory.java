package dev.replaytwin.replay.internal;

import dev.replaytwin.core.ContextTags;
import dev.replaytwin.core.Nullable;
import dev.replaytwin.core.run.ErrorKind;
import dev.replaytwin.core.run.RunManifest;
import dev.replaytwin.replay.Pacing;
import dev.replaytwin.replay.ReplayOptions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** Builds {@code run.json}: what the run was asked to do, and how well the replayer did it. */
final class ManifestFactory {
  private final ReplayOptions options;
  private final List<Path> files;
  private ReplayClock clock = new ReplayClock(0, 0);
  private final CaptureFeed feed;
  private final List<TargetRun> runs;
  private final SendLag lag;
  private final SendLag sendLag;
  private final SendLag timer;
  private final OutcomeSink sink;
  private final String captureId;
  private final Map<String, String> context;

  ManifestFactory(ReplayOptions options, List<Path> files, CaptureFeed feed, List<TargetRun> runs,
      SendLag lag, SendLag sendLag, SendLag timer, OutcomeSink sink, String captureId, ContextTags context) {
    this.sendLag = sendLag;
    this.timer = timer;
    this.options = options;
    this.files = files;
    this.feed = feed;
    this.runs = runs;
    this.lag = lag;
    this.sink = sink;
    this.captureId = captureId;
    this.context = contextMap(context);
  }

  /** Fixes {@code t0}; until then manifests say the run has not started ({@code startedAt} ""). */
  void startedAt(ReplayClock clock) {
    this.clock = clock;
  }

  RunManifest running() {
    return build(RunManifest.RUNNING, "", "", health(null, -1));
  }

  RunManifest finished(@Nullable String stopReason, String digest, long dispatched) {
    String state = stopReason == null && feed.failure() == null ? RunManifest.FINISHED : RunManifest.ABORTED;
    return build(state, Instant.now().toString(), digest, health(stopReason, dispatched));
  }

  private RunManifest build(String state, String endedAt, String digest, RunManifest.Health health) {
    RunManifest.Capture capture = new RunManifest.Capture(files.stream().map(Path::toString).toList(), captureId,
        digest, context, feed.exchangesRead(), feed.corruptBlocks());
    String started = clock.t0EpochNanos() == 0 ? "" : Instant.ofEpochSecond(0, clock.t0EpochNanos()).toString();
    return new RunManifest(RunManifest.VERSION, state, started,
        endedAt, clock.t0EpochNanos(), capture, runs.stream().map(TargetRun::summary).toList(), schedule(), health,
        Versions.all());
  }

  private RunManifest.Schedule schedule() {
    Pacing p = options.pacing();
    String mode = p.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    double speed = p instanceof Pacing.Scaled s ? s.speed() : 0;
    double rate = p instanceof Pacing.Even e ? e.perSecond() : p instanceof Pacing.Poisson q ? q.perSecond() : 0;
    long seed = p instanceof Pacing.Poisson q ? q.seed() : 0;
    Map<String, String> filters = new LinkedHashMap<>();
    options.include().forEach(g -> filters.merge("include", g, (a, b) -> a + " " + b));
    options.exclude().forEach(g -> filters.merge("exclude", g, (a, b) -> a + " " + b));
    if (options.fromNanos() != Long.MIN_VALUE) {
      filters.put("from", Instant.ofEpochSecond(0, options.fromNanos()).toString());
    }
    if (options.toNanos() != Long.MAX_VALUE) {
      filters.put("to", Instant.ofEpochSecond(0, options.toNanos()).toString());
    }
    if (options.sample() < 1) {
      filters.put("sample", Double.toString(options.sample()));
    }
    if (options.session() != null) {
      filters.put("session", options.session().toString());
    }
    if (!options.correlations().isEmpty()) {
      filters.put("correlate", String.join(" ", options.correlations().stream().map(Object::toString).toList()));
    }
    options.setHeaders().forEach((k, v) -> filters.put("set-header " + k, v));
    if (!options.trace()) {
      filters.put("no-trace", "captured traceparent sent");
    }
    if (!options.dropHeaders().isEmpty()) {
      filters.put("drop-header", String.join(" ", options.dropHeaders()));
    }
    return new RunManifest.Schedule(mode, p.openLoop(), speed, rate, seed,
        options.startAt() == null ? "" : options.startAt().toString(),
        options.duration() == null ? "" : options.duration().toString(), options.loop(), feed.passes(),
        options.shard().toString(), filters, options.readOnly(),
        options.warmup().isZero() ? "" : options.warmup().toString());
  }

  /** @param dispatched requests dispatched, or -1 while running */
  private RunManifest.Health health(@Nullable String stopReason, long dispatched) {
    Histogram h = sendLag.total();
    Histogram d = lag.total();
    boolean open = options.pacing().openLoop();
    boolean measured = open && h.getTotalCount() > 0;
    long p50 = measured ? h.getValueAtPercentile(50) : 0;
    long p99 = measured ? h.getValueAtPercentile(99) : 0;
    long max = measured ? h.getMaxValue() : 0;
    long dispatchP99 = open && d.getTotalCount() > 0 ? d.getValueAtPercentile(99) : 0;
    Histogram t = timer.total();
    long timerP99 = t.getTotalCount() > 0 ? t.getValueAtPercentile(99) : 0;
    long dropped = runs.stream().mapToLong(r -> r.count(ErrorKind.DROPPED)).sum();
    List<String> reasons = new ArrayList<>();
    if (dispatched >= 0) {
      if (stopReason != null) {
        reasons.add("the replay was stopped early: " + stopReason);
      }
      if (feed.failure() != null) {
        reasons.add("reading the capture failed: " + feed.failure().getMessage());
      }
      if (dispatched == 0) {
        reasons.add("no request was replayed: the capture has no inbound request that matches the filters");
      }
      if (Math.max(p99, dispatchP99) > lag.boundNanos()) {
        reasons.add(lateReason(Math.max(p99, dispatchP99), timerP99, t.getTotalCount()));
      }
      if (dropped > 0) {
        reasons.add(dropped + " requests could not be sent (too many waiting for a connection; raise"
            + " --max-connections or lower the rate)");
      }
      if (sink.lost() > 0) {
        reasons.add(sink.lost() + " outcome rows were not written (the disk could not keep up)");
      }
    }
    return new RunManifest.Health(reasons.isEmpty(), reasons, lag.boundNanos(), p50, p99, max, sendLag.late(), dropped,
        sink.lost(), dispatchP99, timerP99, timer.late(), t.getTotalCount());
  }

  /** Says who set the pace: the replayer, or a machine on which even an idle timer wakes late. */
  private String lateReason(long lagP99, long timerP99, long timerSamples) {
    String lagText = String.format(Locale.ROOT, "send lag p99 was %.3f ms, over the %.3f ms bound", lagP99 / 1e6,
        lag.boundNanos() / 1e6);
    if (timerP99 > lag.boundNanos()) {
      return lagText + String.format(Locale.ROOT, ", and a thread doing nothing but sleep woke %.3f ms late at p99"
          + " (%d of %d wake-ups over the bound): the machine did not keep time either (a busy or virtual host,"
          + " or the replay's own load; run on a quieter or larger machine, lower the rate, or raise --lag-bound)",
          timerP99 / 1e6, timer.late(), timerSamples);
    }
    return lagText + ": the replayer, not the targets, set the pace (lower --speed or --rate, or give the replayer"
        + " more CPU)";
  }

  private static Map<String, String> contextMap(ContextTags c) {
    Map<String, String> m = new TreeMap<>();
    put(m, "service", c.service());
    put(m, "environment", c.environment());
    put(m, "region", c.region());
    put(m, "release", c.releaseVersion());
    c.extra().forEach((k, v) -> put(m, k, v));
    return m;
  }

  private static void put(Map<String, String> m, String k, String v) {
    if (!v.isEmpty()) {
      m.put(k, v);
    }
  }
}
