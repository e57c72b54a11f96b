package dev.replaytwin.deploy.stubs.internal;

import java.time.Instant;

/**
 * Time for the simulators of one twin: epoch nanoseconds for the call log, and the monotonic time
 * since the replay started ({@link #markStart}) for faults that start later.
 */
public final class RunClock {
  private final long epochAtNano;
  private final long nanoAtStart = System.nanoTime();
  private volatile long startNanos;

  public RunClock() {
    Instant now = Instant.now();
    long nano = System.nanoTime();
    this.epochAtNano = now.getEpochSecond() * 1_000_000_000L + now.getNano() - nano;
    this.startNanos = nanoAtStart;
  }

  /** The replay starts now. */
  public void markStart() {
    startNanos = System.nanoTime();
  }

  /** The replay started (or starts) at {@code t0}. */
  public void markStart(Instant t0) {
    long epoch = t0.getEpochSecond() * 1_000_000_000L + t0.getNano();
    startNanos = epoch - epochAtNano;
  }

  public long nanoTime() {
    return System.nanoTime();
  }

  /** Epoch nanoseconds of a {@link #nanoTime()} reading. */
  public long epochNanos(long nanoTime) {
    return epochAtNano + nanoTime;
  }

  /** Nanoseconds from the start to {@code nanoTime}; negative before it. */
  public long sinceStart(long nanoTime) {
    return nanoTime - startNanos;
  }
}
