package dev.replaytwin.compare.stats;

/**
 * Fisher's exact test of a 2x2 table {@code [[a, b], [c, d]]}, like
 * {@code scipy.stats.fisher_exact}. With rows as targets and columns as (failed, succeeded),
 * {@code greater} is small when the first row's target fails more often.
 *
 * @param oddsRatio the sample odds ratio {@code ad / bc} (infinite when {@code bc = 0}, NaN when a
 *     row or column is empty)
 * @param twoSided sum of the probabilities of all tables no more likely than the observed one
 * @param less {@code P(X <= a)}: evidence that the odds ratio is below 1
 * @param greater {@code P(X >= a)}: evidence that the odds ratio is above 1
 */
public record FisherResult(double oddsRatio, double twoSided, double less, double greater) {
  public FisherResult {
    if (!(twoSided >= 0 && twoSided <= 1) || !(less >= 0 && less <= 1)
        || !(greater >= 0 && greater <= 1)) {
      throw new IllegalArgumentException("twoSided: " + twoSided + ", less: " + less
          + ", greater: " + greater + " (expected: all 0..1)");
    }
  }
}
