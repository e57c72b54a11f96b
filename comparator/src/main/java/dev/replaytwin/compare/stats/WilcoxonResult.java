package dev.replaytwin.compare.stats;

/**
 * The outcome of a {@link WilcoxonSignedRank} test on candidate-minus-baseline differences.
 *
 * @param n non-zero differences ranked (zeros are dropped, Wilcoxon's method)
 * @param zeros zero differences dropped
 * @param wPlus sum of the ranks of the positive differences (candidate slower)
 * @param z the normal approximation's statistic with tie and continuity corrections, positive when
 *     the candidate tends to be slower (scipy reports {@code -|z|} for two-sided tests)
 * @param twoSided p-value against "the differences are symmetric about zero"
 * @param candidateGreater one-sided p-value against "the candidate is not slower"
 * @param medianDifference median of all differences, zeros included
 * @param exact whether the p-values come from the exact null distribution rather than the normal
 *     approximation
 */
public record WilcoxonResult(long n, long zeros, double wPlus, double z, double twoSided,
    double candidateGreater, double medianDifference, boolean exact) {
  public WilcoxonResult {
    if (n < 0 || zeros < 0) {
      throw new IllegalArgumentException(
          "n: " + n + ", zeros: " + zeros + " (expected: both >= 0)");
    }
    checkP("twoSided", twoSided);
    checkP("candidateGreater", candidateGreater);
  }

  private static void checkP(String name, double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException(name + ": " + p + " (expected: 0..1)");
    }
  }
}
