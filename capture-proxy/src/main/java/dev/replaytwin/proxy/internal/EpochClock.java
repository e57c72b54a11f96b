package dev.replaytwin.proxy.internal;

import java.time.Instant;

/** Epoch nanoseconds from the monotonic clock, anchored once to wall time: cheap and never goes back. */
public final class EpochClock {
  private final long anchorEpochNanos;
  private final long anchorNanoTime;

  public EpochClock() {
    Instant now = Instant.now();
    this.anchorNanoTime = System.nanoTime();
    this.anchorEpochNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  public long nowNanos() {
    return anchorEpochNanos + (System.nanoTime() - anchorNanoTime);
  }
}
