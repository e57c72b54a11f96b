package dev.replaytwin.replay.internal;

import dev.replaytwin.core.Body;
import dev.replaytwin.core.Header;
import dev.replaytwin.core.Headers;
import dev.replaytwin.core.HttpResponse;
import dev.replaytwin.core.Nullable;
import dev.replaytwin.core.run.ErrorKind;
import dev.replaytwin.core.run.Outcome;
import dev.replaytwin.core.run.RunManifest;
import dev.replaytwin.replay.CorrelationRule;
import dev.replaytwin.replay.ReplayOptions;
import dev.replaytwin.replay.Target;
import dev.replaytwin.replay.internal.client.ClientResponse;
import dev.replaytwin.replay.internal.client.OutgoingRequest;
import dev.replaytwin.replay.internal.client.ResponseListener;
import dev.replaytwin.replay.internal.client.TargetClient;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * One target of a replay: sends it the requests the dispatcher hands over, keeps each session's
 * requests in order, learns correlated values from its responses, and records every outcome and
 * latency. {@link #dispatch} runs on the dispatcher thread; responses arrive on event loops.
 */
public final class TargetRun {
  private final Target target;
  private final TargetClient client;
  private final RequestBuilder builder;
  private final LatencyLog latency;
  private final OutcomeSink.Channel outcomes;
  private final ReplayClock clock;
  private final SendLag sendLag;
  private final List<CorrelationRule> correlations;
  private final boolean readOnly;
  private final Session.Table sessions;
  private final @Nullable Semaphore closedLoop;
  private final long warmupNanos;
  private final LongAdder requests = new LongAdder();
  private final LongAdder writesSkipped = new LongAdder();
  private final LongAdder inFlight = new LongAdder();
  private final AtomicLongArray byKind = new AtomicLongArray(ErrorKind.values().length);

  public TargetRun(Target target, TargetClient client, RequestBuilder builder, LatencyLog latency,
      OutcomeSink.Channel outcomes, ReplayClock clock, SendLag sendLag, ReplayOptions options) {
    this.sendLag = sendLag;
    this.target = target;
    this.client = client;
    this.builder = builder;
    this.latency = latency;
    this.outcomes = outcomes;
    this.clock = clock;
    this.correlations = options.correlations();
    this.readOnly = options.readOnly();
    this.sessions = options.session() == null ? null : new Session.Table(100_000);
    this.closedLoop = options.pacing().openLoop() ? null : new Semaphore(options.closedLoopConcurrency());
    this.warmupNanos = options.warmup().toNanos();
  }

  public Target target() {
    return target;
  }

  /** Whether this target is sent {@code p} at all: writes go to twins only, and nowhere when read-only. */
  public boolean sends(Planned p) {
    return !p.write() || (target.twin() && !readOnly);
  }

  /** Closed loop only: waits for a free slot; the dispatcher calls it before {@link #dispatch}. */
  public void awaitSlot() throws InterruptedException {
    if (closedLoop != null) {
      closedLoop.acquire();
    }
  }

  /**
   * Sends {@code p}, due at {@code dueNanoTime} ({@link System#nanoTime()} clock), now, or after
   * the request of its session in flight.
   *
   * @param prepared {@code p}'s request as every target is sent it without session values (built
   *     once for all targets)
   */
  public void dispatch(Planned p, long dueNanoTime, OutgoingRequest prepared) {
    if (!sends(p)) {
      writesSkipped.increment();
      if (closedLoop != null) {
        closedLoop.release();
      }
      return;
    }
    requests.increment();
    inFlight.increment();
    if (sessions == null || p.sessionKey() == null) {
      new Send(p, dueNanoTime, null, prepared).run();
      return;
    }
    Send send = new Send(p, dueNanoTime, sessions.get(p.sessionKey()), prepared);
    int claimed = send.session.enter(send);
    if (claimed == 1) {
      send.run();
    } else if (claimed == 0) {
      send.queued = true;
    } else {
      finish(p, dueNanoTime, ClientResponse.failed(ErrorKind.DROPPED, "session queue full"), null);
    }
  }

  /** One request to this target: sent when run (now, or when its session frees up), then finished. */
  private final class Send implements Runnable, ResponseListener {
    private final Planned planned;
    private final long due;
    private final @Nullable Session session;
    private final OutgoingRequest prepared;
    /** Waited for the request of its session before it; set before it can run. */
    private volatile boolean queued;

    Send(Planned planned, long due, @Nullable Session session, OutgoingRequest prepared) {
      this.planned = planned;
      this.due = due;
      this.session = session;
      this.prepared = prepared;
    }

    @Override
    public void run() {
      Map<String, String> subs = session == null ? Map.of() : session.substitutions();
      client.send(subs.isEmpty() ? prepared : builder.build(planned, subs), this);
    }

    @Override
    public void onWrite(long sentNanoTime, boolean waitedForConnection) {
      // Waiting for a connection or for the session's previous answer is the target's doing; it
      // shows in this request's latency, not in the replayer's lag. Closed loop has no schedule.
      if (!waitedForConnection && !queued && closedLoop == null && measured(due)) {
        sendLag.record(sentNanoTime - due);
      }
    }

    @Override
    public void onResponse(ClientResponse response) {
      finish(planned, due, response, session);
    }
  }

  /** False for requests due during the warm-up: sent, and their outcomes written, but not measured. */
  private boolean measured(long due) {
    return due - clock.t0NanoTime() >= warmupNanos;
  }

  private void finish(Planned p, long due, ClientResponse r, @Nullable Session session) {
    try {
      record(p, due, r);
      if (session != null) {
        if (r.error() == ErrorKind.NONE) {
          learn(p.exchange().response(), r, session);
        }
        Runnable next = session.leave();
        if (next != null) {
          next.run();
        }
      }
    } finally {
      inFlight.decrement();
      if (closedLoop != null) {
        closedLoop.release();
      }
    }
  }

  private void record(Planned p, long due, ClientResponse response) {
    ClientResponse r = response.status() > 599
        ? ClientResponse.failed(response.sentNanoTime(), response.endNanoTime(), 0, response.headers(),
            ErrorKind.PROTOCOL, "status " + response.status() + " is not an HTTP status (expected: 100..599)")
        : response;
    byKind.incrementAndGet(r.error().ordinal());
    boolean answered = r.error() == ErrorKind.NONE;
    long latencyNanos = answered ? Math.max(0, r.endNanoTime() - due) : -1;
    long serviceNanos = answered ? Math.max(0, r.endNanoTime() - r.sentNanoTime()) : -1;
    if (answered && measured(due)) {
      latency.record(p.endpoint(), latencyNanos, serviceNanos);
    }
    Body body = r.bodyTruncated() ? Body.wrapTruncated(r.cappedBody(), r.bodySize()) : Body.wrap(r.cappedBody());
    outcomes.offer(new Outcome(p.exchange().id(), p.pass(), p.endpoint(), p.exchange().request().method(),
        clock.epochNanos(due), r.sentNanoTime() < 0 ? -1 : clock.epochNanos(r.sentNanoTime()),
        latencyNanos, serviceNanos, answered ? r.status() : 0, r.error(), r.errorDetail(),
        answered ? Math.max(0, r.bodySize()) : -1, answered ? r.bodyDigest() : "", r.contentType(),
        answered ? body : Body.EMPTY, answered ? headers(r.headers()) : Headers.EMPTY));
  }

  private static Headers headers(HttpHeaders fields) {
    if (fields.isEmpty()) {
      return Headers.EMPTY;
    }
    List<Header> entries = new ArrayList<>(fields.size());
    for (Iterator<Map.Entry<String, String>> it = fields.iteratorAsString(); it.hasNext(); ) {
      Map.Entry<String, String> e = it.next();
      entries.add(new Header(e.getKey(), e.getValue()));
    }
    return new Headers(entries);
  }

  private void learn(@Nullable HttpResponse captured, ClientResponse live, Session session) {
    if (captured == null) {
      return;
    }
    byte[] capturedBody = captured.body().toByteArray();
    for (CorrelationRule rule : correlations) {
      String was = rule.extract(h -> captured.headers().first(h).orElse(null), capturedBody);
      String now = was == null ? null : rule.extract(live.headers()::get, live.cappedBody());
      if (now != null && !now.equals(was)) {
        session.learn(was, now);
      }
    }
  }

  /** Requests sent or being sent and not yet answered or failed. */
  public long inFlight() {
    return inFlight.sum();
  }

  public long requests() {
    return requests.sum();
  }

  public long count(ErrorKind kind) {
    return byKind.get(kind.ordinal());
  }

  /** Requests without a response so far. */
  public long errors() {
    long n = 0;
    for (ErrorKind k : ErrorKind.values()) {
      if (k != ErrorKind.NONE) {
        n += byKind.get(k.ordinal());
      }
    }
    return n;
  }

  public LatencyLog latency() {
    return latency;
  }

  public TargetClient client() {
    return client;
  }

  /** This target's entry for {@code run.json}. */
  public RunManifest.Target summary() {
    Map<String, Long> errors = new TreeMap<>();
    for (ErrorKind k : ErrorKind.values()) {
      long n = byKind.get(k.ordinal());
      if (k != ErrorKind.NONE && n > 0) {
        errors.put(k.label(), n);
      }
    }
    return new RunManifest.Target(target.name(), target.url().toString(), target.twin(), requests.sum(),
        count(ErrorKind.NONE), errors, writesSkipped.sum(), client.stats().waitedForConnection());
  }
}
