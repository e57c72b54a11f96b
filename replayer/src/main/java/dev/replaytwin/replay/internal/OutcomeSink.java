package dev.replaytwin.replay.internal;

import dev.replaytwin.core.Header;
import dev.replaytwin.core.run.Outcome;
import dev.replaytwin.core.run.OutcomeWriter;
import io.netty.util.internal.PlatformDependent;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Streams every target's outcome rows to disk on one thread. Event loops hand rows over through a
 * bounded lock-free queue per target and never wait; a row that finds its queue full is counted as
 * lost (which makes the run invalid) rather than stalling the replay. Files are flushed every
 * second, so a replayer killed mid-run leaves readable outcomes up to the last second. Memory is
 * bounded by row count and by body bytes queued ({@value #BYTE_BUDGET} bytes).
 */
public final class OutcomeSink implements Closeable {
  static final int QUEUE = 1 << 18;
  /** Body bytes queued across targets before rows are lost instead of memory growing. */
  static final long BYTE_BUDGET = 64L << 20;
  private static final long FLUSH_NANOS = TimeUnit.SECONDS.toNanos(1);

  /** One target's rows. */
  public final class Channel {
    private final Queue<Outcome> queue = PlatformDependent.newFixedMpscQueue(QUEUE);
    private final OutcomeWriter writer;

    private Channel(OutcomeWriter writer) {
      this.writer = writer;
    }

    /** Hands a row over; never blocks. */
    public void offer(Outcome o) {
      long size = bytes(o);
      if (queuedBytes.addAndGet(size) > BYTE_BUDGET || !queue.offer(o)) {
        queuedBytes.addAndGet(-size);
        lost.incrementAndGet();
      }
    }
  }

  /** What a queued row holds on to, roughly: its body and its header fields. */
  private static long bytes(Outcome o) {
    long n = o.body().length();
    for (Header h : o.headers().entries()) {
      n += h.name().length() + h.value().length();
    }
    return n;
  }

  private final List<Channel> channels = new ArrayList<>();
  private final AtomicLong lost = new AtomicLong();
  private final AtomicLong queuedBytes = new AtomicLong();
  private final Thread thread;
  private volatile boolean closing;
  private volatile IOException failure;

  public OutcomeSink() {
    this.thread = new Thread(this::drainLoop, "twin-replay-outcomes");
    thread.setDaemon(true);
  }

  /** Adds a target's outcome file; call before {@link #start}. */
  public Channel open(java.nio.file.Path file) throws IOException {
    Channel c = new Channel(OutcomeWriter.create(file));
    channels.add(c);
    return c;
  }

  public void start() {
    thread.start();
  }

  public long lost() {
    return lost.get();
  }

  private void drainLoop() {
    long lastFlush = System.nanoTime();
    try {
      while (true) {
        boolean idle = true;
        for (Channel c : channels) {
          Outcome o;
          while ((o = c.queue.poll()) != null) {
            queuedBytes.addAndGet(-bytes(o));
            c.writer.append(o);
            idle = false;
          }
        }
        if (System.nanoTime() - lastFlush > FLUSH_NANOS) {
          for (Channel c : channels) {
            c.writer.flush();
          }
          lastFlush = System.nanoTime();
        }
        if (idle) {
          if (closing) {
            return;
          }
          LockSupport.parkNanos(1_000_000);
        }
      }
    } catch (IOException | UncheckedIOException e) {
      failure = e instanceof IOException io ? io : ((UncheckedIOException) e).getCause();
      for (Channel c : channels) {
        lost.addAndGet(c.queue.size());
        c.queue.clear();
      }
    }
  }

  /** Writes what is queued, closes the files; throws what writing failed with. */
  @Override
  public void close() throws IOException {
    closing = true;
    if (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    IOException closeFailure = null;
    for (Channel c : channels) {
      try {
        c.writer.close();
      } catch (IOException e) {
        closeFailure = e;
      }
    }
    if (failure != null) {
      throw failure;
    }
    if (closeFailure != null) {
      throw closeFailure;
    }
  }
}
