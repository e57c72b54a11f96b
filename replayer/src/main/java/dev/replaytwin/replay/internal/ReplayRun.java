package dev.replaytwin.replay.internal;

import dev.replaytwin.core.Nullable;
import dev.replaytwin.core.Sha256;
import dev.replaytwin.core.capture.CaptureHeader;
import dev.replaytwin.core.capture.CaptureReader;
import dev.replaytwin.core.run.RunDirectory;
import dev.replaytwin.core.run.RunManifest;
import dev.replaytwin.replay.ReplayListener;
import dev.replaytwin.replay.ReplayOptions;
import dev.replaytwin.replay.ReplayProgress;
import dev.replaytwin.replay.Schedule;
import dev.replaytwin.replay.Target;
import dev.replaytwin.replay.internal.client.NettyTargetClient;
import dev.replaytwin.replay.internal.client.OutgoingRequest;
import dev.replaytwin.replay.internal.client.TargetClient;
import dev.replaytwin.replay.internal.client.TargetClientOptions;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One replay from start to end: reads the capture ahead ({@link CaptureFeed}), waits for each
 * request's intended time and hands it to every target at once ({@link TargetRun}), logs latency
 * and progress once an interval, and writes {@code run.json} at the start and the end.
 *
 * <p>The dispatcher is one thread. It never waits for a response (open loop): a slow target makes
 * requests pile up on its connections, which shows in its latency from the intended time, while the
 * dispatcher's own lag shows whether the replayer kept time.
 */
public final class ReplayRun {
  private static final long LEAD_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
  private static final long WARM_UP_MILLIS = 3_000;

  private final ReplayOptions options;
  private final ReplayListener listener;
  /** From intended time to the dispatcher's hand-over, every request. */
  private final SendLag lag;
  private final TimerProbe probe;
  /** From intended time to the write, requests that waited for nothing. */
  private final SendLag sendLag;
  private volatile @Nullable String stopReason;
  private volatile long dispatched;

  public ReplayRun(ReplayOptions options, ReplayListener listener) {
    this.options = options;
    this.listener = listener;
    this.lag = new SendLag(options.lagBound().toNanos());
    this.probe = new TimerProbe(options.lagBound().toNanos());
    this.sendLag = new SendLag(options.lagBound().toNanos());
  }

  /** Ends the replay early (the run is marked invalid with {@code reason}); safe from any thread. */
  public void stop(String reason) {
    if (stopReason == null) {
      stopReason = reason;
    }
  }

  public RunManifest run() throws IOException, InterruptedException {
    List<Path> files = Preflight.check(options);
    RunDirectory dir = RunDirectory.at(options.out());
    Files.createDirectories(dir.root());
    CompletableFuture<String> digest = new CompletableFuture<>();
    daemon("twin-replay-digest", () -> {
      try {
        digest.complete(Sha256.ofFiles(files));
      } catch (IOException | RuntimeException e) {
        digest.complete("");
      }
    }).start();
    CaptureHeader header;
    try (CaptureReader reader = CaptureReader.open(options.capture())) {
      header = reader.header();
    }
    CaptureFeed feed = new CaptureFeed(options);
    daemon("twin-replay-reader", feed).start();

    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("twin-replay", true),
        NioIoHandler.newFactory());
    OutcomeSink sink = new OutcomeSink();
    List<TargetRun> runs = new ArrayList<>();
    List<TargetClient> clients = new ArrayList<>();
    ManifestFactory manifests = new ManifestFactory(options, files, feed, runs, lag, sendLag, probe.lateness(), sink,
        header.captureId(), header.context());
    RequestBuilder builder = new RequestBuilder(options);
    Ticker ticker = null;
    try {
      List<OutcomeSink.Channel> outcomes = new ArrayList<>();
      for (Target t : options.targets()) {
        clients.add(NettyTargetClient.create(clientOptions(t), group));
        outcomes.add(sink.open(dir.outcomes(t.name())));
      }
      for (TargetClient c : clients) {
        c.warmUp(options.connectTimeout());
      }
      sink.start();
      manifests.running().write(dir.manifest());
      // Everything slow to start (class loading, TLS contexts, JSON) is done before t0 is fixed, so
      // the first requests are not late because the replayer was still setting up.
      Planned first = feed.take();
      prime(first);
      if (first != null) {
        SelfWarmUp.run(group, first, builder, options, WARM_UP_MILLIS);
      }
      ReplayClock clock = ReplayClock.startingAt(options.startAt() != null ? ReplayClock.epochNanos(options.startAt())
          : ReplayClock.epochNanos(Instant.now()) + LEAD_NANOS);
      manifests.startedAt(clock);
      for (int i = 0; i < options.targets().size(); i++) {
        Target t = options.targets().get(i);
        runs.add(new TargetRun(t, clients.get(i), builder, new LatencyLog(dir.latencyLog(t.name()), dir.serviceLog(t.name()),
            clock.t0EpochNanos() / 1_000_000), outcomes.get(i), clock, sendLag, options));
      }
      ticker = new Ticker(clock, runs);
      daemon("twin-replay-log", ticker).start();
      if (options.pacing().openLoop()) {
        probe.start(clock.t0NanoTime() + options.warmup().toNanos());
      }
      dispatch(first, feed, clock, runs, builder);
      feed.stop();
      drain(runs);
    } finally {
      feed.stop();
      probe.stop();
      if (ticker != null) {
        ticker.finish();
      }
      for (TargetClient c : clients) {
        c.close();
      }
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
      sink.close();
      for (TargetRun r : runs) {
        r.latency().close();
      }
    }
    String captureDigest = digest.getNow("");
    if (captureDigest.isEmpty()) {
      try {
        captureDigest = digest.get(60, TimeUnit.SECONDS);
      } catch (Exception e) {
        captureDigest = "";
      }
    }
    RunManifest done = manifests.finished(stopReason, captureDigest, dispatched);
    done.write(dir.manifest());
    if (feed.failure() instanceof IOException e) {
      throw e;
    }
    return done;
  }

  private void dispatch(@Nullable Planned first, CaptureFeed feed, ReplayClock clock, List<TargetRun> runs,
      RequestBuilder builder) throws InterruptedException {
    if (first == null) {
      return;
    }
    Schedule schedule = options.pacing().openLoop() ? Schedule.of(options.pacing(), first.capturedNanos()) : null;
    long limit = options.duration() == null ? Long.MAX_VALUE : options.duration().toNanos();
    long warmupNanos = options.warmup().toNanos();
    Sleeper.until(clock.t0NanoTime(), () -> stopReason == null);
    long count = 0;
    for (Planned p = first; p != null && stopReason == null; p = feed.take()) {
      long due;
      if (schedule != null) {
        long offset = schedule.next(p.capturedNanos());
        if (offset > limit) {
          break;
        }
        due = clock.t0NanoTime() + offset;
        Sleeper.until(due, () -> stopReason == null);
        if (offset >= warmupNanos) {
          lag.record(System.nanoTime() - due);
        }
      } else {
        if (System.nanoTime() - clock.t0NanoTime() > limit) {
          break;
        }
        for (TargetRun r : runs) {
          r.awaitSlot();
        }
        due = System.nanoTime();
      }
      OutgoingRequest prepared = builder.build(p, Map.of());
      for (TargetRun r : runs) {
        r.dispatch(p, due, prepared);
      }
      dispatched = ++count;
    }
  }

  /**
   * Runs the dispatcher's own code once before {@code t0}: the first call of anything in a JVM
   * loads classes and links call sites, milliseconds that would otherwise be the first requests'
   * send lag. ({@link SelfWarmUp} runs the request-building and per-request paths.)
   */
  private void prime(@Nullable Planned first) {
    lag.prime();
    sendLag.prime();
    if (first != null && options.pacing().openLoop()) {
      Schedule.of(options.pacing(), first.capturedNanos()).next(first.capturedNanos());
    }
  }

  /** Waits for answers to what was sent, at most a response timeout (plus a connect timeout) more. */
  private void drain(List<TargetRun> runs) {
    long deadline = System.nanoTime() + options.responseTimeout().toNanos() + options.connectTimeout().toNanos()
        + TimeUnit.SECONDS.toNanos(2);
    while (System.nanoTime() < deadline && runs.stream().anyMatch(r -> r.inFlight() > 0)) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
  }

  private TargetClientOptions clientOptions(Target t) {
    return new TargetClientOptions(t.url(), options.maxConnections(), options.maxWaiting(),
        options.connectTimeout(), options.responseTimeout(), options.bodyCap(), options.trustedCa());
  }

  private static Thread daemon(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    return t;
  }

  /** Logs a latency interval per target and reports progress, once a log interval, until finished. */
  private final class Ticker implements Runnable {
    private final ReplayClock clock;
    private final List<TargetRun> runs;
    private volatile boolean finished;
    private Thread thread;
    private long lastEpochMillis;
    private long lastDispatched;

    Ticker(ReplayClock clock, List<TargetRun> runs) {
      this.clock = clock;
      this.runs = runs;
      this.lastEpochMillis = clock.t0EpochNanos() / 1_000_000;
    }

    @Override
    public void run() {
      thread = Thread.currentThread();
      long interval = options.logInterval().toNanos();
      long next = clock.t0NanoTime() + interval;
      while (!finished) {
        LockSupport.parkNanos(next - System.nanoTime());
        if (finished) {
          break;
        }
        if (System.nanoTime() >= next) {
          tick(interval);
          next += interval * Math.max(1, (System.nanoTime() - next) / interval + 1);
        }
      }
    }

    private synchronized void tick(long intervalNanos) {
      long nowMillis = clock.epochNanos(System.nanoTime()) / 1_000_000;
      for (TargetRun r : runs) {
        r.latency().writeInterval(lastEpochMillis, nowMillis);
      }
      lastEpochMillis = nowMillis;
      long lagP99 = Math.max(lag.rollInterval(), sendLag.rollInterval());
      probe.lateness().rollInterval();
      long d = dispatched;
      double rate = (d - lastDispatched) * 1e9 / intervalNanos;
      lastDispatched = d;
      List<ReplayProgress.TargetProgress> targets = runs.stream().map(r -> new ReplayProgress.TargetProgress(
          r.target().name(), r.count(dev.replaytwin.core.run.ErrorKind.NONE), r.errors(), r.inFlight())).toList();
      long expected = options.duration() == null ? -1 : options.duration().toNanos();
      listener.onProgress(new ReplayProgress(Math.max(0, System.nanoTime() - clock.t0NanoTime()), expected, d, rate,
          lagP99, lag.boundNanos(), targets));
    }

    /** Stops the thread and logs the last, partial interval. */
    void finish() {
      finished = true;
      if (thread != null) {
        LockSupport.unpark(thread);
        try {
          thread.join(5_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      tick(Math.max(1, options.logInterval().toNanos()));
    }
  }
}
