package dev.replaytwin.replay;

import static java.util.Objects.requireNonNull;

import java.util.SplittableRandom;

/**
 * The intended send time of each request of a replay, as nanoseconds after the replay's start
 * {@code t0}. Every time is computed from {@code t0} and the request's own data (its captured time,
 * or its index), never by adding up sleeps, so timing error does not drift over a long run: the
 * millionth request of a 1,000/s replay is due exactly 999.999 s after the first.
 *
 * <pre>{@code
 * Schedule schedule = Schedule.of(new Pacing.Scaled(2.0), firstCapturedNanos);
 * for (Exchange e : capture) {
 *   long due = t0 + schedule.next(e.captureTimeNanos());
 *   ...
 * }
 * }</pre>
 *
 * <p>Not thread-safe: one schedule belongs to the one thread that dispatches a replay.
 */
public final class Schedule {
  private final Pacing pacing;
  private final long firstCapturedNanos;
  private final SplittableRandom random;
  private long index;
  private double poissonSeconds;

  private Schedule(Pacing pacing, long firstCapturedNanos) {
    this.pacing = pacing;
    this.firstCapturedNanos = firstCapturedNanos;
    this.random = pacing instanceof Pacing.Poisson p ? new SplittableRandom(p.seed()) : null;
  }

  /**
   * A schedule for an open-loop pacing.
   *
   * @param firstCapturedNanos the earliest capture time of the requests replayed (epoch nanos);
   *     only {@link Pacing.Scaled} uses it
   * @throws IllegalArgumentException for {@link Pacing.Max}, which has no intended times
   */
  public static Schedule of(Pacing pacing, long firstCapturedNanos) {
    requireNonNull(pacing, "pacing");
    if (!pacing.openLoop()) {
      throw new IllegalArgumentException("pacing: Max is closed-loop and has no schedule");
    }
    return new Schedule(pacing, firstCapturedNanos);
  }

  /**
   * The next request's intended send time after {@code t0}, in nanoseconds.
   *
   * @param capturedNanos the request's capture time (epoch nanos); a request captured before the
   *     first one is due at once ({@code 0})
   */
  public long next(long capturedNanos) {
    long k = index++;
    if (pacing instanceof Pacing.Scaled s) {
      long since = capturedNanos - firstCapturedNanos;
      return since <= 0 ? 0 : Math.round(since / s.speed());
    }
    if (pacing instanceof Pacing.Even e) {
      return Math.round(k * 1e9 / e.perSecond());
    }
    Pacing.Poisson p = (Pacing.Poisson) pacing;
    if (k > 0) {
      // Inverse-transform sampling of an exponential gap; 1 - u is in (0, 1], so the log is finite.
      poissonSeconds += -Math.log(1.0 - random.nextDouble()) / p.perSecond();
    }
    return Math.round(poissonSeconds * 1e9);
  }

  /** How many times {@link #next} was called. */
  public long count() {
    return index;
  }

  public Pacing pacing() {
    return pacing;
  }
}
