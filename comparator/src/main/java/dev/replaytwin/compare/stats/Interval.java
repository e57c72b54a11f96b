package dev.replaytwin.compare.stats;

/**
 * A point estimate with a confidence interval around it. The interval need not contain the
 * estimate (a percentile bootstrap interval usually does, but nothing guarantees it).
 *
 * @param estimate the value computed from the data
 * @param lower lower confidence bound
 * @param upper upper confidence bound, at least {@code lower}
 */
public record Interval(double estimate, double lower, double upper) {
  public Interval {
    if (Double.isNaN(estimate)) {
      throw new IllegalArgumentException("estimate: NaN (expected: a number)");
    }
    if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
      throw new IllegalArgumentException(
          "lower: " + lower + ", upper: " + upper + " (expected: lower <= upper)");
    }
  }

  /** Whether {@code value} lies within the bounds, inclusive. */
  public boolean contains(double value) {
    return lower <= value && value <= upper;
  }

  /** Half the distance between the bounds. */
  public double halfWidth() {
    return (upper - lower) / 2;
  }

  /** This interval with {@code offset} added to the estimate and both bounds. */
  public Interval plus(double offset) {
    return new Interval(estimate + offset, lower + offset, upper + offset);
  }
}
