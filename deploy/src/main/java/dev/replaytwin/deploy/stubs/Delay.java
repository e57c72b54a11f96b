package dev.replaytwin.deploy.stubs;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Random;

/** A delay a {@link Fault} adds to the calls it hits: fixed, log-normal or uniform. */
public sealed interface Delay permits Delay.Fixed, Delay.LogNormal, Delay.Uniform {
  /** No delay. */
  Delay NONE = new Fixed(Duration.ZERO);

  /** A delay drawn for one call, in milliseconds. */
  double sampleMillis(Random random);

  /** True for {@link #NONE} and any zero fixed delay. */
  default boolean isZero() {
    return this instanceof Fixed f && f.delay().isZero();
  }

  static Delay fixed(Duration delay) {
    return new Fixed(delay);
  }

  static Delay logNormal(Duration median, double sigma) {
    return new LogNormal(median, sigma);
  }

  static Delay uniform(Duration min, Duration max) {
    return new Uniform(min, max);
  }

  /** The same delay every time. */
  record Fixed(Duration delay) implements Delay {
    public Fixed {
      requireNonNull(delay, "delay");
      if (delay.isNegative()) {
        throw new IllegalArgumentException("delay: " + delay + " (expected: >= 0)");
      }
    }

    @Override
    public double sampleMillis(Random random) {
      return delay.toNanos() / 1e6;
    }
  }

  /** {@code exp(ln(median) + sigma * N(0,1))}: mostly near the median, now and then much longer. */
  record LogNormal(Duration median, double sigma) implements Delay {
    public LogNormal {
      requireNonNull(median, "median");
      if (median.isNegative() || median.isZero() || !(sigma >= 0 && sigma <= 5)) {
        throw new IllegalArgumentException("lognormal delay: median " + median + ", sigma " + sigma
            + " (expected: median > 0, sigma 0..5)");
      }
    }

    @Override
    public double sampleMillis(Random random) {
      return median.toNanos() / 1e6 * Math.exp(sigma * random.nextGaussian());
    }
  }

  /** Any delay from {@code min} to {@code max}, all equally likely. */
  record Uniform(Duration min, Duration max) implements Delay {
    public Uniform {
      requireNonNull(min, "min");
      requireNonNull(max, "max");
      if (min.isNegative() || max.compareTo(min) < 0) {
        throw new IllegalArgumentException("uniform delay: min " + min + ", max " + max
            + " (expected: 0 <= min <= max)");
      }
    }

    @Override
    public double sampleMillis(Random random) {
      double lo = min.toNanos() / 1e6;
      return lo + (max.toNanos() / 1e6 - lo) * random.nextDouble();
    }
  }
}
