package dev.replaytwin.compare.stats;

/**
 * Exact McNemar test of paired success/failure outcomes: of the discordant requests, do more fail
 * only on the candidate than only on the baseline?
 *
 * @param candidateOnlyFailures requests that succeeded on the baseline and failed on the candidate
 * @param baselineOnlyFailures requests that failed on the baseline and succeeded on the candidate
 * @param twoSided p-value against "either target is as likely to be the one that fails"
 * @param candidateWorse one-sided p-value against "the candidate fails no more often"
 */
public record McNemarResult(long candidateOnlyFailures, long baselineOnlyFailures,
    double twoSided, double candidateWorse) {
  public McNemarResult {
    if (candidateOnlyFailures < 0 || baselineOnlyFailures < 0) {
      throw new IllegalArgumentException("candidateOnlyFailures: " + candidateOnlyFailures
          + ", baselineOnlyFailures: " + baselineOnlyFailures + " (expected: both >= 0)");
    }
    if (!(twoSided >= 0 && twoSided <= 1) || !(candidateWorse >= 0 && candidateWorse <= 1)) {
      throw new IllegalArgumentException("twoSided: " + twoSided + ", candidateWorse: "
          + candidateWorse + " (expected: both 0..1)");
    }
  }
}
