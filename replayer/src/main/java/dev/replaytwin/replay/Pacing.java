package dev.replaytwin.replay;

import dev.replaytwin.replay.internal.RateFormat;

/**
 * How a replay spaces its requests in time.
 *
 * <ul>
 *   <li>{@link Scaled}: the captured arrival pattern, {@code speed} times faster (2.0) or slower
 *       (0.5);
 *   <li>{@link Even} and {@link Poisson}: a fixed mean rate, evenly spaced or with exponential gaps
 *       (independent arrivals, like users), whatever the capture's own timing;
 *   <li>{@link Max}: closed loop, as fast as the targets answer; a capacity test, not a rehearsal,
 *       and labelled so in the run.
 * </ul>
 */
public sealed interface Pacing permits Pacing.Scaled, Pacing.Even, Pacing.Poisson, Pacing.Max {

  /** The captured spacing divided by {@code speed}. */
  record Scaled(double speed) implements Pacing {
    public Scaled {
      if (!(speed > 0) || Double.isInfinite(speed)) {
        throw new IllegalArgumentException("speed: " + speed + " (expected: > 0, e.g. 0.5, 1 or 4)");
      }
    }
  }

  /** {@code perSecond} requests a second, evenly spaced. */
  record Even(double perSecond) implements Pacing {
    public Even {
      checkRate(perSecond);
    }
  }

  /** {@code perSecond} requests a second on average, with exponential gaps from a seeded generator. */
  record Poisson(double perSecond, long seed) implements Pacing {
    public Poisson {
      checkRate(perSecond);
    }
  }

  /** Closed loop: each request is sent when a connection is free. */
  record Max() implements Pacing {}

  /** True when requests have intended send times (everything but {@link Max}). */
  default boolean openLoop() {
    return !(this instanceof Max);
  }

  /**
   * Parses a rate: {@code 500/s}, {@code 30000/m}, {@code 2k/s}, {@code 1.5M/h}, or a bare number of
   * requests a second.
   *
   * @return requests a second
   * @throws IllegalArgumentException naming the expected forms
   */
  public static double parseRate(String text) {
    return RateFormat.perSecond(text);
  }

  private static void checkRate(double perSecond) {
    if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
      throw new IllegalArgumentException("rate: " + perSecond + " (expected: > 0 requests a second)");
    }
  }
}
