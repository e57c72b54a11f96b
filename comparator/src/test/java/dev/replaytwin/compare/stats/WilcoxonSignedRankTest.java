package dev.replaytwin.compare.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WilcoxonSignedRankTest {
  /** Three zeros, 17 non-zero differences with distinct magnitudes. */
  private static final long[] SMALL_WITH_ZEROS =
      {3, -1, 0, 7, 12, -4, 0, 9, 15, -2, 6, 11, 0, 8, -5, 13, 10, 14, 16, -18};

  @Test
  void smallSampleWithoutTiesUsesTheExactDistributionAfterDroppingZeros() {
    WilcoxonResult r = WilcoxonSignedRank.test(SMALL_WITH_ZEROS);

    assertThat(r.exact()).isTrue();
    assertThat(r.n()).isEqualTo(17);
    assertThat(r.zeros()).isEqualTo(3);
    assertThat(r.wPlus()).isEqualTo(124.0);
    // scipy.stats.wilcoxon(d, zero_method='wilcox', method='exact').pvalue
    assertThat(r.twoSided()).isCloseTo(0.023223876953125, within(1e-15));
    // scipy.stats.wilcoxon(d, zero_method='wilcox', method='exact', alternative='greater').pvalue
    assertThat(r.candidateGreater()).isCloseTo(0.0116119384765625, within(1e-15));
    // numpy.median(d)
    assertThat(r.medianDifference()).isEqualTo(6.5);
  }

  @Test
  void largeSampleWithTiesAndZerosUsesTheCorrectedNormalApproximation() {
    long[] d = new long[1000];
    for (int i = 0; i < d.length; i++) {
      d[i] = ((i * 7919L) % 201) - 97;
    }

    WilcoxonResult r = WilcoxonSignedRank.test(d);

    assertThat(r.exact()).isFalse();
    assertThat(r.zeros()).isEqualTo(5);
    assertThat(r.n()).isEqualTo(995);
    assertThat(r.wPlus()).isEqualTo(262844.0);
    // scipy.stats.wilcoxon(d, zero_method='wilcox', correction=True, method='asymptotic')
    assertThat(r.twoSided()).isCloseTo(0.09609192842648527, withinPercentage(1e-10));
    assertThat(r.z()).isCloseTo(1.6641025957685558, within(1e-12));
    // ... alternative='greater'
    assertThat(r.candidateGreater()).isCloseTo(0.048045964213242635, withinPercentage(1e-10));
    // numpy.median(d)
    assertThat(r.medianDifference()).isEqualTo(3.0);
  }

  @Test
  void smallSampleWithTiesFallsBackToTheNormalApproximation() {
    double[] d = {1, -1, 2, 2, 3, -3, 4, 5, 5, 6, 0, 7};

    WilcoxonResult r = WilcoxonSignedRank.test(d);

    assertThat(r.exact()).isFalse();
    // scipy.stats.wilcoxon(d, zero_method='wilcox', correction=True, method='asymptotic')
    assertThat(r.twoSided()).isCloseTo(0.023103393801764134, withinPercentage(1e-10));
    // ... alternative='greater'
    assertThat(r.candidateGreater()).isCloseTo(0.011551696900882067, withinPercentage(1e-10));
    assertThat(r.z()).isCloseTo(2.271720556255607, within(1e-12));
  }

  @Test
  void pairedArraysAreTestedAsCandidateMinusBaseline() {
    long[] baseline = new long[SMALL_WITH_ZEROS.length];
    long[] candidate = new long[SMALL_WITH_ZEROS.length];
    for (int i = 0; i < baseline.length; i++) {
      baseline[i] = 1_000_000 + 1000L * i;
      candidate[i] = baseline[i] + SMALL_WITH_ZEROS[i];
    }

    assertThat(WilcoxonSignedRank.test(baseline, candidate))
        .isEqualTo(WilcoxonSignedRank.test(SMALL_WITH_ZEROS));
    assertThat(WilcoxonSignedRank.test(candidate, baseline).candidateGreater())
        .isGreaterThan(0.98);
  }

  @Test
  void largePairedArraysGiveWhatTheirDifferencesGive() {
    SplittableRandom random = new SplittableRandom(8);
    for (long scale : new long[] {1_000, 50_000_000, 1L << 51, 1L << 60}) {
      long[] baseline = new long[20_000];
      long[] candidate = new long[baseline.length];
      double[] d = new double[baseline.length];
      for (int i = 0; i < baseline.length; i++) {
        baseline[i] = random.nextLong(scale);
        candidate[i] = random.nextInt(10) == 0 ? baseline[i] : random.nextLong(scale);
        d[i] = (double) candidate[i] - (double) baseline[i];
      }

      assertThat(WilcoxonSignedRank.test(baseline, candidate)).as("scale %d", scale)
          .isEqualTo(WilcoxonSignedRank.test(d));
    }
  }

  @Test
  void allZeroDifferencesGiveNoEvidence() {
    WilcoxonResult r = WilcoxonSignedRank.test(new long[] {0, 0, 0});

    assertThat(r.n()).isZero();
    assertThat(r.twoSided()).isEqualTo(1.0);
    assertThat(r.candidateGreater()).isEqualTo(1.0);
  }

  @Test
  void millionDifferencesShiftedByAFewPercentAreDetected() {
    SplittableRandom random = new SplittableRandom(3);
    double[] d = new double[1_000_000];
    for (int i = 0; i < d.length; i++) {
      d[i] = random.nextGaussian() * 1e6 + 2e4;
    }

    WilcoxonResult r = WilcoxonSignedRank.test(d);

    // A shift of 2% of a standard deviation over a million pairs: z is about 17.
    assertThat(r.candidateGreater()).isLessThan(1e-20);
    assertThat(r.medianDifference()).isCloseTo(2e4, within(5e3));
  }

  @Test
  void rejectsNonFiniteDifferencesAndMismatchedPairs() {
    assertThatThrownBy(() -> WilcoxonSignedRank.test(new double[] {1, Double.NaN}))
        .hasMessage("differences[1]: NaN (expected: a finite number)");
    assertThatThrownBy(() -> WilcoxonSignedRank.test(new long[] {1, 2}, new long[] {1}))
        .hasMessage("candidate: 1 values (expected: as many as baseline, 2)");
  }
}
