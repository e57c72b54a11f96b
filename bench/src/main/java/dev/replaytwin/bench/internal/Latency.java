package dev.replaytwin.bench.internal;

import java.util.SplittableRandom;

/** Service times drawn from log-normal distributions, the usual shape of request latencies. */
public final class Latency {
  private final SplittableRandom r;

  public Latency(SplittableRandom random) {
    this.r = random;
  }

  /** A latency in nanoseconds with the given median (milliseconds) and log-space spread. */
  public long nanos(double medianMillis, double sigma) {
    double ms = medianMillis * Math.exp(sigma * r.nextGaussian());
    return Math.max(50_000L, (long) (ms * 1e6));
  }

  /** Time to send {@code bytes} on a fast local link: 50 µs plus 2–12 ns a byte. */
  public long transferNanos(int bytes) {
    return 50_000L + (long) bytes * (2 + r.nextInt(11));
  }
}
