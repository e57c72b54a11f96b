package dev.replaytwin.replay.internal;

import java.time.Instant;

/**
 * The replay's two clocks tied together at {@code t0}: {@link System#nanoTime()} for scheduling and
 * measuring, epoch nanoseconds for what is written down.
 *
 * @param t0NanoTime when the first request is due, on the {@link System#nanoTime()} clock
 * @param t0EpochNanos the same instant as epoch nanoseconds
 */
public record ReplayClock(long t0NanoTime, long t0EpochNanos) {
  /** A clock whose {@code t0} is {@code epochNanos}, whether in the future or not. */
  public static ReplayClock startingAt(long epochNanos) {
    long nowEpoch = epochNanos(Instant.now());
    long nowNano = System.nanoTime();
    return new ReplayClock(nowNano + (epochNanos - nowEpoch), epochNanos);
  }

  public static long epochNanos(Instant i) {
    return i.getEpochSecond() * 1_000_000_000L + i.getNano();
  }

  public long epochNanos(long nanoTime) {
    return t0EpochNanos + (nanoTime - t0NanoTime);
  }
}
