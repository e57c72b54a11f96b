package dev.replaytwin.compare.stats;

/**
 * Sums a tail of a discrete log-concave distribution (binomial, hypergeometric), starting at a
 * point on the far side of the mode and walking away from it by the ratio of successive terms.
 *
 * <p>Log-concavity makes the step ratio shrink as the walk goes on, so once
 * {@code term · ratio / (1 - ratio)} is below 1e-17 of the sum, everything left is too; the walk
 * costs a few standard deviations of terms, not the whole support. Terms are scaled by the
 * starting term and only multiplied by it at the end, so a start that underflows in linear space
 * still sums correctly until the final product.
 */
final class LogConcaveTail {
  private static final double NEGLIGIBLE = 1e-17;

  /** The ratio {@code pmf(x + step) / pmf(x)}. */
  @FunctionalInterface
  interface StepRatio {
    double at(long x);
  }

  private LogConcaveTail() {}

  /**
   * {@code Σ pmf(x)} for x from {@code start} to {@code end} inclusive, stepping by {@code step}
   * (+1 or -1), given {@code ln pmf(start)}.
   */
  static double sum(double logStart, long start, long end, int step, StepRatio ratio) {
    if ((end - start) * step < 0) {
      return 0;
    }
    double term = 1;
    double sum = 1;
    for (long x = start; x != end; x += step) {
      double r = ratio.at(x);
      term *= r;
      sum += term;
      if (r < 1 && term * r / (1 - r) < sum * NEGLIGIBLE) {
        break;
      }
    }
    return Math.exp(logStart) * sum;
  }
}
