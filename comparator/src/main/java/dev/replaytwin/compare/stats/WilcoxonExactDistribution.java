package dev.replaytwin.compare.stats;

/**
 * The exact null distribution of Wilcoxon's W+ for {@code n <= 62} untied non-zero differences:
 * the number of subsets of {1..n} with each rank sum, over 2^n. Counted by dynamic programming in
 * {@code O(n³)}; the counts fit a {@code long}.
 */
final class WilcoxonExactDistribution {
  private final int n;
  private final long[] ways;

  WilcoxonExactDistribution(int n) {
    if (n < 1 || n > 62) {
      throw new IllegalArgumentException("n: " + n + " (expected: 1..62)");
    }
    this.n = n;
    int maxSum = n * (n + 1) / 2;
    ways = new long[maxSum + 1];
    ways[0] = 1;
    for (int rank = 1; rank <= n; rank++) {
      for (int sum = rank * (rank + 1) / 2; sum >= rank; sum--) {
        ways[sum] += ways[sum - rank];
      }
    }
  }

  /** {@code P(W+ >= w)}. */
  double atLeast(int w) {
    long count = 0;
    for (int sum = Math.max(w, 0); sum < ways.length; sum++) {
      count += ways[sum];
    }
    return count / Math.pow(2, n);
  }

  /** {@code P(W+ <= w)}. */
  double atMost(int w) {
    long count = 0;
    for (int sum = 0; sum <= Math.min(w, ways.length - 1); sum++) {
      count += ways[sum];
    }
    return count / Math.pow(2, n);
  }
}
