package dev.replaytwin.cli;

import dev.replaytwin.cli.internal.ByteSizeConverter;
import dev.replaytwin.cli.internal.DurationConverter;
import dev.replaytwin.cli.internal.InvalidInputException;
import dev.replaytwin.cli.internal.ProgressPrinter;
import dev.replaytwin.cli.internal.RunSummary;
import dev.replaytwin.cli.internal.SkipCorruptOption;
import dev.replaytwin.core.capture.CaptureFiles;
import dev.replaytwin.core.capture.TimePoint;
import dev.replaytwin.cli.internal.TimePointConverter;
import dev.replaytwin.core.run.RunManifest;
import dev.replaytwin.replay.CorrelationRule;
import dev.replaytwin.replay.Pacing;
import dev.replaytwin.replay.Replay;
import dev.replaytwin.replay.ReplayOptions;
import dev.replaytwin.replay.SessionRule;
import dev.replaytwin.replay.Shard;
import dev.replaytwin.replay.Target;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code twin replay}: drives a capture against one or more twins and writes a run directory.
 *
 * <pre>
 * twin replay --capture prod.twcap --target baseline=http://127.0.0.1:9001 \
 *     --target candidate=http://127.0.0.1:9002 --speed 2 --out runs/rc-42
 * </pre>
 */
@Command(
    name = "replay",
    description = {
        "Replay a capture against one or more twins, open loop: every target gets each request at the same"
            + " intended time, latency is measured from that time (corrected for coordinated omission) and from"
            + " the actual send, and the replayer checks its own send lag.",
        "Writes DIR/run.json and, per target, latency.hlog, service.hlog and outcomes.jsonl.zst.",
        "Exit 0 when the run is valid, 3 when the replayer could not keep time or dropped requests"
            + " (inconclusive), 2 on bad input."},
    sortOptions = false)
public final class ReplayCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--capture", required = true, paramLabel = "FILE", description = "The capture to replay.")
  private Path capture;

  @Option(names = "--target", required = true, paramLabel = "NAME=URL",
      description = "A twin to replay to (repeatable); twins receive write methods too.")
  private List<String> targets = new ArrayList<>();

  @Option(names = "--observe", paramLabel = "NAME=URL",
      description = "A target that is not a twin: it is only sent GET, HEAD, OPTIONS and TRACE (repeatable).")
  private List<String> observers = new ArrayList<>();

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "The run directory (new or empty).")
  private Path out;

  @ArgGroup(exclusive = true)
  private PacingOptions pacing = new PacingOptions();

  static final class PacingOptions {
    @Option(names = "--speed", paramLabel = "X",
        description = "The captured timing, X times faster (default: 1, production's own pace).")
    Double speed;

    @Option(names = "--rate", paramLabel = "R", description = "A fixed rate instead: 500/s, 30000/m, 2k/s.")
    String rate;

    @Option(names = "--max", description = "Closed loop, as fast as the targets answer: a capacity test, not a"
        + " rehearsal; latency counts from each dispatch.")
    boolean max;
  }

  @Option(names = "--poisson", description = "With --rate: exponential gaps (independent arrivals) instead of even ones.")
  private boolean poisson;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "The --poisson random seed (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Stop after this long (e.g. 10m).")
  private Duration duration;

  @Option(names = "--loop", description = "Replay the capture again and again until --duration.")
  private boolean loop;

  @Option(names = "--warmup", paramLabel = "DURATION", defaultValue = "0s", converter = DurationConverter.class,
      description = "Send the first DURATION of the schedule without measuring it: no latency logged, no send lag"
          + " judged, so cold twins and a cold replayer do not count (default: none).")
  private Duration warmup;

  @Option(names = "--no-trace", negatable = false,
      description = "Send the captured traceparent header instead of the replayer's own, which names each"
          + " replayed request so dependency simulators can attribute the twin's outbound calls to it.")
  private boolean noTrace;

  @Option(names = "--from", paramLabel = "T", converter = TimePointConverter.class,
      description = "Only requests captured at or after T (an ISO-8601 instant or +5m from the first).")
  private TimePoint from;

  @Option(names = "--to", paramLabel = "T", converter = TimePointConverter.class,
      description = "Only requests captured before T.")
  private TimePoint to;

  @Option(names = "--include", paramLabel = "GLOB", description = "Only matching requests: /api/**, GET /users/* (repeatable).")
  private List<String> include = new ArrayList<>();

  @Option(names = "--exclude", paramLabel = "GLOB", description = "Not matching requests (repeatable).")
  private List<String> exclude = new ArrayList<>();

  @Option(names = "--sample", paramLabel = "P", defaultValue = "1",
      description = "Replay this share of sessions (or requests), 0 < P <= 1 (default: ${DEFAULT-VALUE}).")
  private double sample;

  @Option(names = "--set-header", paramLabel = "K=V", description = "Set this header on every request (repeatable).")
  private List<String> setHeaders = new ArrayList<>();

  @Option(names = "--drop-header", paramLabel = "K", description = "Remove this header from every request (repeatable).")
  private List<String> dropHeaders = new ArrayList<>();

  @Option(names = "--session", paramLabel = "RULE",
      description = "What makes a session: cookie:NAME, header:NAME or connection. A session's requests go to each"
          + " target in captured order, one at a time.")
  private String session;

  @Option(names = "--correlate", paramLabel = "RULE",
      description = "A value a response hands to later requests of its session: json:$.token or header:NAME (repeatable).")
  private List<String> correlate = new ArrayList<>();

  @Option(names = "--shard", paramLabel = "i/N", description = "Send only shard i of N (by session key).")
  private String shard;

  @Option(names = "--start-at", paramLabel = "T",
      description = "Start at this instant (ISO-8601 or epoch seconds), the same for every shard.")
  private String startAt;

  @Option(names = "--read-only", description = "Send no write method (POST, PUT, PATCH, DELETE, ...) to any target.")
  private boolean readOnly;

  @Option(names = "--i-know-this-is-production",
      description = "Allow a target that is the production host the capture was recorded from.")
  private boolean allowProduction;

  @Option(names = "--lag-bound", paramLabel = "DURATION", defaultValue = "1ms", converter = DurationConverter.class,
      description = "Send-lag p99 above which the run is inconclusive (default: ${DEFAULT-VALUE}).")
  private Duration lagBound;

  @Option(names = "--max-connections", paramLabel = "N", defaultValue = "1024",
      description = "Connections per target; more requests wait for one (default: ${DEFAULT-VALUE}).")
  private int maxConnections;

  @Option(names = "--max-waiting", paramLabel = "N", defaultValue = "100000",
      description = "Requests per target waiting for a connection before more are dropped (default: ${DEFAULT-VALUE}).")
  private int maxWaiting;

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "64",
      description = "With --max: requests in flight per target (default: ${DEFAULT-VALUE}).")
  private int concurrency;

  @Option(names = "--connect-timeout", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class,
      description = "Connect timeout (default: ${DEFAULT-VALUE}).")
  private Duration connectTimeout;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
      description = "From send to the response's last byte (default: ${DEFAULT-VALUE}).")
  private Duration timeout;

  @Option(names = "--body-cap", paramLabel = "SIZE", defaultValue = "64KiB", converter = ByteSizeConverter.class,
      description = "Response body bytes kept in the outcomes for diffs (default: ${DEFAULT-VALUE}).")
  private long bodyCap;

  @Option(names = "--target-ca", paramLabel = "PEM", description = "Trust these CAs for https:// targets instead of the system store.")
  private Path targetCa;

  @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
      description = "auto (a bar on a terminal, a line every 10 s otherwise), bar, plain or none (default: ${DEFAULT-VALUE}).")
  private String progress;

  @Mixin private SkipCorruptOption corrupt;

  @Override
  public Integer call() throws Exception {
    ReplayOptions options = options();
    PrintWriter err = spec.commandLine().getErr();
    ProgressPrinter printer = new ProgressPrinter(err, ProgressPrinter.mode(progress));
    Replay replay = new Replay(options, printer);
    CountDownLatch done = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      replay.stop("interrupted by a signal");
      try {
        done.await(options.responseTimeout().toSeconds() + 30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "twin-replay-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    RunManifest run;
    try {
      run = replay.run();
    } finally {
      printer.finish();
      done.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // Shutting down: the hook is running and waits for this run to finish writing.
      }
    }
    PrintWriter outWriter = spec.commandLine().getOut();
    RunSummary.print(run, options.out(), outWriter);
    outWriter.flush();
    if (!run.health().valid()) {
      for (String reason : run.health().reasons()) {
        err.println("inconclusive: " + reason);
      }
      err.flush();
      return ExitCodes.INCONCLUSIVE;
    }
    return ExitCodes.OK;
  }

  private ReplayOptions options() throws Exception {
    try {
      if (targetCa != null && !Files.isReadable(targetCa)) {
        throw new IllegalArgumentException(targetCa + ": no such file or not readable (check --target-ca)");
      }
      if (bodyCap > 64L << 20) {
        throw new IllegalArgumentException("--body-cap " + bodyCap + " (expected: at most 64MiB)");
      }
      if (poisson && pacing.rate == null) {
        throw new IllegalArgumentException("--poisson needs --rate (e.g. --rate 500/s --poisson)");
      }
      ReplayOptions.Builder b = ReplayOptions.builder(capture, out)
          .pacing(pacing())
          .duration(duration)
          .warmup(warmup)
          .trace(!noTrace)
          .loop(loop)
          .sample(sample)
          .readOnly(readOnly)
          .allowProduction(allowProduction)
          .lagBound(lagBound)
          .maxConnections(maxConnections)
          .maxWaiting(maxWaiting)
          .closedLoopConcurrency(concurrency)
          .connectTimeout(connectTimeout)
          .responseTimeout(timeout)
          .bodyCap((int) bodyCap)
          .trustedCa(targetCa)
          .skipCorrupt(corrupt.skipCorrupt())
          .session(session == null ? null : SessionRule.parse(session))
          .shard(shard == null ? Shard.WHOLE : Shard.parse(shard))
          .startAt(startAt == null ? null : instant(startAt));
      targets.forEach(t -> b.target(Target.parse(t, true)));
      observers.forEach(t -> b.target(Target.parse(t, false)));
      include.forEach(b::include);
      exclude.forEach(b::exclude);
      correlate.forEach(c -> b.correlate(CorrelationRule.parse(c)));
      for (String h : setHeaders) {
        int eq = h.indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException("--set-header \"" + h + "\" (expected: NAME=VALUE, e.g. X-Replay=1)");
        }
        b.setHeader(h.substring(0, eq).trim(), h.substring(eq + 1));
      }
      dropHeaders.forEach(b::dropHeader);
      if (from != null || to != null) {
        long first = (from != null && from.isRelative()) || (to != null && to.isRelative())
            ? CaptureFiles.firstCaptureTime(capture, corrupt.skipCorrupt()).orElse(0) : 0;
        b.between(from == null ? Long.MIN_VALUE : from.resolve(first), to == null ? Long.MAX_VALUE : to.resolve(first));
      }
      ReplayOptions options = b.build();
      Replay.check(options);
      return options;
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage(), e);
    }
  }

  private Pacing pacing() {
    if (pacing.max) {
      return new Pacing.Max();
    }
    if (pacing.rate != null) {
      double perSecond = Pacing.parseRate(pacing.rate);
      return poisson ? new Pacing.Poisson(perSecond, seed) : new Pacing.Even(perSecond);
    }
    return new Pacing.Scaled(pacing.speed == null ? 1.0 : pacing.speed);
  }

  private static Instant instant(String text) {
    try {
      if (text.matches("\\d+(\\.\\d+)?")) {
        double seconds = Double.parseDouble(text);
        return Instant.ofEpochSecond((long) seconds, Math.round((seconds - Math.floor(seconds)) * 1e9));
      }
      return Instant.parse(text);
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new IllegalArgumentException("--start-at \"" + text + "\" (expected: an ISO-8601 instant such as"
          + " 2026-11-22T10:00:00Z, or epoch seconds)");
    }
  }
}
