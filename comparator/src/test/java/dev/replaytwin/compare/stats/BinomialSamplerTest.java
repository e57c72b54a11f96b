package dev.replaytwin.compare.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BinomialSamplerTest {
  private static final int DRAWS = 200_000;

  /**
   * Pearson's chi-square of 200,000 draws against the binomial pmf, over cells with an expected
   * count of at least 5 (the rest pooled into one cell). For a correct sampler the statistic is
   * about {@code df ± sqrt(2 df)}; the bound of 6 standard deviations, with a fixed seed, only
   * fails for a sampler that is wrong.
   */
  @ParameterizedTest(name = "Binomial({0}, {1})")
  @CsvSource({
      "1, 0.5",          // inversion, tiny n
      "40, 0.1",         // inversion, mean 4
      "99, 0.1",         // inversion, mean just under 10
      "101, 0.1",        // BTRS, mean just over 10
      "1000, 0.3",       // BTRS
      "1000, 0.93",      // BTRS on the folded probability
      "1000000, 0.5",    // BTRS, a million trials
      "1000000, 0.00002", // inversion with a large n
  })
  void drawsFollowTheBinomialDistribution(long n, double p) {
    SplittableRandom random = new SplittableRandom(42);
    int lo = (int) Math.max(0, n * p - 12 * Math.sqrt(n * p * (1 - p)) - 12);
    int hi = (int) Math.min(n, n * p + 12 * Math.sqrt(n * p * (1 - p)) + 12);
    long[] observed = new long[hi - lo + 1];
    long outside = 0;
    double sum = 0;
    for (int i = 0; i < DRAWS; i++) {
      long x = BinomialSampler.sample(random, n, p);
      assertThat(x).isBetween(0L, n);
      sum += x;
      if (x < lo || x > hi) {
        outside++;
      } else {
        observed[(int) (x - lo)]++;
      }
    }
    double chiSquare = 0;
    int cells = 0;
    double pooledExpected = 0;
    long pooledObserved = outside;
    for (int x = lo; x <= hi; x++) {
      double expected = DRAWS * Math.exp(LogGamma.logChoose(n, x) + x * Math.log(p)
          + (n - x) * Math.log1p(-p));
      if (expected >= 5) {
        double diff = observed[x - lo] - expected;
        chiSquare += diff * diff / expected;
        cells++;
      } else {
        pooledExpected += expected;
        pooledObserved += observed[x - lo];
      }
    }
    pooledExpected = Math.max(pooledExpected, 1e-9);
    chiSquare += Math.pow(pooledObserved - pooledExpected, 2) / pooledExpected;
    int df = cells;
    assertThat(chiSquare).isLessThan(df + 6 * Math.sqrt(2.0 * df));
    double mean = sum / DRAWS;
    assertThat(mean).isCloseTo(n * p, org.assertj.core.api.Assertions.within(
        6 * Math.sqrt(n * p * (1 - p) / DRAWS) + 1e-9));
  }
}
