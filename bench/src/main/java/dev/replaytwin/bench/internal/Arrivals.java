package dev.replaytwin.bench.internal;

import java.util.SplittableRandom;

/**
 * When requests arrive: a Poisson stream whose rate drifts slowly (±20% over ten minutes) and
 * now and then bursts to 2.5–5 times the base rate for a few seconds, as a campaign e-mail or a
 * retrying client does.
 */
public final class Arrivals {
  private static final double NANOS = 1e9;

  private final SplittableRandom r;
  private final double baseRate;
  private final long startNanos;
  private long now;
  private long burstUntil;
  private long nextBurst;
  private double burstFactor = 1;

  public Arrivals(SplittableRandom random, long startNanos, double requestsPerSecond) {
    if (!(requestsPerSecond > 0)) {
      throw new IllegalArgumentException("requestsPerSecond: " + requestsPerSecond + " (expected: > 0)");
    }
    this.r = random;
    this.baseRate = requestsPerSecond;
    this.startNanos = startNanos;
    this.now = startNanos;
    this.nextBurst = startNanos + exponentialNanos(45);
  }

  /** The next arrival time, epoch nanoseconds, strictly after the previous one. */
  public long next() {
    if (now >= nextBurst) {
      burstUntil = now + (long) ((2 + r.nextDouble() * 6) * NANOS);
      burstFactor = 2.5 + r.nextDouble() * 2.5;
      nextBurst = burstUntil + exponentialNanos(45);
    }
    double drift = 1 + 0.2 * Math.sin((now - startNanos) / NANOS * 2 * Math.PI / 600);
    double rate = baseRate * drift * (now < burstUntil ? burstFactor : 1);
    now += Math.max(1, exponentialNanos(1 / rate));
    return now;
  }

  private long exponentialNanos(double meanSeconds) {
    return (long) (-Math.log(1 - r.nextDouble()) * meanSeconds * NANOS);
  }
}
