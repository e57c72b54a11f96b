package dev.replaytwin.replay.internal;

import dev.replaytwin.core.Body;
import dev.replaytwin.core.Direction;
import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.Headers;
import dev.replaytwin.core.HttpMethods;
import dev.replaytwin.core.HttpRequest;
import dev.replaytwin.core.Nullable;
import dev.replaytwin.core.Timings;
import dev.replaytwin.core.capture.CaptureReader;
import dev.replaytwin.core.capture.ReadOptions;
import dev.replaytwin.replay.ReplayOptions;
import java.io.IOException;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Reads the capture on its own thread, ahead of the dispatcher, and hands over the requests to
 * replay in capture-time order through a bounded queue, so memory stays flat for a capture of any
 * length.
 *
 * <p>The proxy appends exchanges when they complete, so a file is only roughly in capture-time
 * order: a slow request is written after faster ones that started later. A bounded window
 * ({@value #WINDOW} requests or {@value #WINDOW_SECONDS} s of capture time) puts them back in order
 * of arrival; a request later than that still goes out, as early as it can.
 *
 * <p>With {@code --loop} the capture is read again and again, each pass moved on by the first
 * pass's span plus one mean gap, until the dispatcher has what it needs.
 */
public final class CaptureFeed implements Runnable {
  static final int WINDOW = 4096;
  static final long WINDOW_SECONDS = 2;
  /** Body bytes read ahead (window and queue) before reading waits for the dispatcher. */
  static final long BYTE_BUDGET = 64L << 20;
  private static final Planned END = new Planned(
      Exchange.inbound("end", 0, "", new HttpRequest("GET", "/", "HTTP/1.1", Headers.EMPTY, Body.EMPTY), null,
          Timings.startedAt(0)), 0, 0, 0, "", null, false);

  private final ReplayOptions options;
  private final RequestFilter filter;
  private final BlockingQueue<Planned> queue = new ArrayBlockingQueue<>(8192);
  private final AtomicLong read = new AtomicLong();
  private final AtomicLong aheadBytes = new AtomicLong();
  private final AtomicLong corrupt = new AtomicLong();
  private volatile boolean stopped;
  private volatile int passes;
  private volatile @Nullable Exception failure;
  private long order;
  private long firstSeen = Long.MAX_VALUE;
  private long lastSeen = Long.MIN_VALUE;

  public CaptureFeed(ReplayOptions options) {
    this.options = options;
    this.filter = new RequestFilter(options);
  }

  /** The next request, in capture-time order, or null at the end of the feed. */
  public @Nullable Planned take() throws InterruptedException {
    Planned p = queue.take();
    if (p == END) {
      return null;
    }
    aheadBytes.addAndGet(-size(p.exchange()));
    return p;
  }

  private static long size(Exchange e) {
    return e.request().body().length() + (e.response() == null ? 0 : e.response().body().length());
  }

  /** Stops reading (the dispatcher has reached its duration); {@link #take} may still return queued items. */
  public void stop() {
    stopped = true;
    queue.clear();
  }

  /** The exception that ended reading early, if any. */
  public @Nullable Exception failure() {
    return failure;
  }

  /** Inbound exchanges read, over every pass. */
  public long exchangesRead() {
    return read.get();
  }

  public long corruptBlocks() {
    return corrupt.get();
  }

  public int passes() {
    return passes;
  }

  @Override
  public void run() {
    PriorityQueue<Planned> window = new PriorityQueue<>(
        Comparator.comparingLong(Planned::capturedNanos).thenComparingLong(Planned::order));
    try {
      long count = 0;
      for (int pass = 0; !stopped; pass++) {
        passes = pass + 1;
        long shift = 0;
        if (pass > 0) {
          if (count == 0) {
            break;
          }
          // firstSeen and lastSeen span the first pass.
          long span = Math.max(0, lastSeen - firstSeen);
          long gap = count > 1 ? span / (count - 1) : 1_000_000L;
          shift = pass * (span + Math.max(gap, 1));
        }
        long passCount = readPass(pass, shift, window);
        if (pass == 0) {
          count = passCount;
        }
        while (!window.isEmpty() && !stopped) {
          put(window.poll());
        }
        if (!options.loop()) {
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      failure = e;
    } finally {
      window.clear();
      if (stopped) {
        queue.clear();
      }
      try {
        queue.put(END);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private long readPass(int pass, long shift, PriorityQueue<Planned> window) throws IOException, InterruptedException {
    ReadOptions read = ReadOptions.defaults().between(options.fromNanos(), options.toNanos())
        .skippingCorrupt(options.skipCorrupt());
    long accepted = 0;
    try (CaptureReader reader = CaptureReader.open(options.capture(), read)) {
      Exchange e;
      while (!stopped && (e = reader.next()) != null) {
        if (e.direction() != Direction.INBOUND) {
          continue;
        }
        this.read.incrementAndGet();
        String target = e.request().originForm();
        String method = e.request().method();
        String key = options.session() == null ? null : options.session().key(e);
        if (!filter.accepts(method, e.request().path(), e.id(), key)) {
          continue;
        }
        accepted++;
        if (pass == 0) {
          firstSeen = Math.min(firstSeen, e.captureTimeNanos());
          lastSeen = Math.max(lastSeen, e.captureTimeNanos());
        }
        if (options.correlations().isEmpty() && e.response() != null) {
          // Only correlation reads captured responses: do not hold their bodies in memory for nothing.
          e = new Exchange(e.id(), e.captureTimeNanos(), e.direction(), e.dependency(), e.connectionId(), e.request(),
              null, e.timings(), e.context(), e.scrubRulesFired());
        }
        while (aheadBytes.get() > BYTE_BUDGET && !stopped) {
          // Over budget: hand the oldest over early (put waits for room), or wait for the dispatcher.
          if (!window.isEmpty()) {
            put(window.poll());
          } else {
            LockSupport.parkNanos(1_000_000);
          }
        }
        aheadBytes.addAndGet(size(e));
        Planned p = new Planned(e, pass, e.captureTimeNanos() + shift, order++,
            options.endpoints().name(method, target), key, !HttpMethods.isSafe(method));
        window.add(p);
        long newest = p.capturedNanos();
        while (window.size() > WINDOW
            || newest - window.peek().capturedNanos() > TimeUnit.SECONDS.toNanos(WINDOW_SECONDS)) {
          put(window.poll());
        }
      }
      corrupt.addAndGet(reader.totals().blocksCorrupt());
    }
    return accepted;
  }

  private void put(Planned p) throws InterruptedException {
    while (!stopped) {
      if (queue.offer(p, 100, TimeUnit.MILLISECONDS)) {
        return;
      }
    }
  }
}
