package dev.replaytwin.compare.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CellResamplerTest {
  private static final int RESAMPLES = 4000;

  /** 400 joint cells of two correlated marginals with uneven counts. */
  private static CellResampler cells(double windowSigmas, long windowSlack) {
    int[] a = new int[400];
    int[] b = new int[400];
    long[] counts = new long[400];
    for (int i = 0; i < 400; i++) {
      a[i] = i / 20;
      b[i] = i / 20 + i % 20;
      counts[i] = 1 + (i * 37) % 50;
    }
    return new CellResampler(new int[][] {a, b}, counts, windowSigmas, windowSlack);
  }

  /**
   * A window of a single bucket sends nearly every resample down the exact fallback (units split
   * back into cells); the default window almost never. Both must draw the same bootstrap
   * distribution: means within 5 standard errors, standard deviations within 10%.
   */
  @Test
  void windowedAndFullResolutionResamplingAgree() {
    long rank = CellResampler.rank(90, cells(6, 20).total());
    int[][] windowed = cells(6, 20).resample(rank, RESAMPLES, new SplittableRandom(1));
    int[][] full = cells(0, 0).resample(rank, RESAMPLES, new SplittableRandom(2));

    for (int m = 0; m < 2; m++) {
      double[] w = moments(windowed[m]);
      double[] f = moments(full[m]);
      assertThat(f[1]).as("marginal %d spread", m).isGreaterThan(0.3);
      assertThat(w[0]).as("marginal %d mean", m)
          .isCloseTo(f[0], within(5 * f[1] * Math.sqrt(2.0 / RESAMPLES)));
      assertThat(w[1]).as("marginal %d sd", m).isCloseTo(f[1], within(0.1 * f[1]));
    }
  }

  @Test
  void rankIsHdrHistogramsCountAtPercentile() {
    assertThat(CellResampler.rank(50, 10)).isEqualTo(5);
    assertThat(CellResampler.rank(99, 100)).isEqualTo(99);
    assertThat(CellResampler.rank(99.9, 1000)).isEqualTo(999);
    assertThat(CellResampler.rank(100, 7)).isEqualTo(7);
    assertThat(CellResampler.rank(1e-9, 7)).isEqualTo(1);
  }

  @Test
  void percentileBoundsAreSymmetricInRank() {
    double[] replicates = new double[1000];
    for (int i = 0; i < replicates.length; i++) {
      replicates[i] = i + 1;
    }

    assertThat(CellResampler.percentileBounds(replicates, 0.95)).containsExactly(25, 976);
  }

  private static double[] moments(int[] values) {
    double sum = 0;
    double squares = 0;
    for (int v : values) {
      sum += v;
      squares += (double) v * v;
    }
    double mean = sum / values.length;
    return new double[] {mean, Math.sqrt(squares / values.length - mean * mean)};
  }
}
