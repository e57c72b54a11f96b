package dev.replaytwin.compare.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The whole chain under the null hypothesis: A/A comparisons, where both targets are the same
 * service, must rarely report a regression.
 */
class AaFalseDiscoveryTest {
  private static final int COMPARISONS = 50;
  private static final int ENDPOINTS = 4;
  private static final int REQUESTS = 3000;
  private static final double ERROR_RATE = 0.01;
  private static final double Q = 0.05;

  /**
   * Each comparison has four endpoints and two checks per endpoint (Wilcoxon on latency, McNemar
   * on errors), eight p-values adjusted together by Benjamini–Hochberg at q = 0.05. Every null
   * hypothesis is true, so every discovery is false, and BH then bounds the probability of any
   * discovery in a comparison by q (the tests are independent: endpoints draw separate requests,
   * and errors are drawn independently of latency). The number of comparisons with a discovery is
   * therefore at most Binomial(50, 0.05), expected 2.5; scipy.stats.binom.sf(8, 50, 0.05) =
   * 0.00076, so more than 8 means the tests are anti-conservative. The seed is fixed, so the
   * outcome is deterministic.
   */
  @Test
  void benjaminiHochbergKeepsAaFalseDiscoveriesWithinTheirBound() {
    SplittableRandom random = new SplittableRandom(20240607);
    int comparisonsWithDiscoveries = 0;
    for (int comparison = 0; comparison < COMPARISONS; comparison++) {
      double[] p = new double[2 * ENDPOINTS];
      for (int endpoint = 0; endpoint < ENDPOINTS; endpoint++) {
        p[2 * endpoint] = latencyPValue(random, endpoint, 1.0);
        p[2 * endpoint + 1] = errorPValue(random);
      }
      int rejected = 0;
      for (boolean r : MultipleTesting.rejected(MultipleTesting.benjaminiHochberg(p), Q)) {
        rejected += r ? 1 : 0;
      }
      comparisonsWithDiscoveries += rejected > 0 ? 1 : 0;
    }

    assertThat(comparisonsWithDiscoveries).isLessThanOrEqualTo(8);
  }

  /** The same chain is not simply blind: one endpoint 5% slower is found among the A/A ones. */
  @Test
  void benjaminiHochbergStillFindsARealRegression() {
    SplittableRandom random = new SplittableRandom(7);
    double[] p = new double[2 * ENDPOINTS];
    for (int endpoint = 0; endpoint < ENDPOINTS; endpoint++) {
      p[2 * endpoint] = latencyPValue(random, endpoint, endpoint == 0 ? 1.05 : 1.0);
      p[2 * endpoint + 1] = errorPValue(random);
    }

    boolean[] rejected = MultipleTesting.rejected(MultipleTesting.benjaminiHochberg(p), Q);

    assertThat(rejected[0]).isTrue();
  }

  /**
   * Same request cost on both targets (log-normal), each with its own log-normal jitter, the
   * candidate's scaled.
   */
  private static double latencyPValue(SplittableRandom random, int endpoint, double scale) {
    long[] baseline = new long[REQUESTS];
    long[] candidate = new long[REQUESTS];
    double median = Math.log(1e6 * (endpoint + 1));
    for (int i = 0; i < REQUESTS; i++) {
      double cost = Math.exp(median + 0.8 * random.nextGaussian());
      baseline[i] = (long) (cost * Math.exp(0.2 * random.nextGaussian()));
      candidate[i] = (long) (cost * Math.exp(0.2 * random.nextGaussian()) * scale);
    }
    return WilcoxonSignedRank.test(baseline, candidate).twoSided();
  }

  private static double errorPValue(SplittableRandom random) {
    long candidateOnly = 0;
    long baselineOnly = 0;
    for (int i = 0; i < REQUESTS; i++) {
      boolean baselineFailed = random.nextDouble() < ERROR_RATE;
      boolean candidateFailed = random.nextDouble() < ERROR_RATE;
      if (candidateFailed && !baselineFailed) {
        candidateOnly++;
      } else if (baselineFailed && !candidateFailed) {
        baselineOnly++;
      }
    }
    return ExactTests.mcNemar(candidateOnly, baselineOnly).twoSided();
  }
}
