package dev.replaytwin.deploy.stubs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.replaytwin.deploy.stubs.LatencyMode;
import dev.replaytwin.deploy.stubs.LatencyModel;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LatencyFitterTest {
  private static double[] logNormal(int n, double median, double sigma, long seed) {
    Random r = new Random(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = median * Math.exp(sigma * r.nextGaussian());
    }
    return x;
  }

  @Test
  void recoversTheMedianAndSigmaOfALogNormalSample() {
    LatencyModel m = LatencyFitter.fit(logNormal(2000, 20, 0.5, 7), LatencyMode.FIT);
    assertThat(m).isInstanceOf(LatencyModel.LogNormal.class);
    LatencyModel.LogNormal l = (LatencyModel.LogNormal) m;
    assertThat(l.medianMillis()).isCloseTo(20, within(1.0));
    assertThat(l.sigma()).isCloseTo(0.5, within(0.025));
    assertThat(l.samples()).isEqualTo(2000);
    assertThat(l.reason()).startsWith("lognormal: every checked quantile within 10%");
  }

  @Test
  void keepsTheLogNormalForSmallSamplesOfOne() {
    for (long seed = 1; seed <= 20; seed++) {
      assertThat(LatencyFitter.fit(logNormal(60, 35, 0.8, seed), LatencyMode.FIT))
          .as("seed %d", seed).isInstanceOf(LatencyModel.LogNormal.class);
    }
  }

  @Test
  void aBimodalSampleGetsItsEmpiricalDistribution() {
    Random r = new Random(3);
    double[] x = new double[400];
    for (int i = 0; i < x.length; i++) {
      x[i] = (i % 2 == 0 ? 5 : 80) * Math.exp(0.05 * r.nextGaussian());
    }
    LatencyModel m = LatencyFitter.fit(x, LatencyMode.FIT);
    assertThat(m).isInstanceOf(LatencyModel.Empirical.class);
    assertThat(m.reason()).startsWith("empirical: the lognormal's p");
    LatencyModel.Empirical e = (LatencyModel.Empirical) m;
    assertThat(e.quantiles().get(0).millis()).isCloseTo(5, within(1.0));
    assertThat(e.quantiles().get(e.quantiles().size() - 1).millis()).isBetween(80.0, 100.0);
    assertThat(e.medianMillis()).isBetween(5.0, 80.0);
    // Drawn delays fall in the two modes, never in the gap between them.
    Random draw = new Random(1);
    int low = 0;
    int gap = 0;
    for (int i = 0; i < 2000; i++) {
      double d = e.sampleMillis(draw);
      assertThat(d).isBetween(4.0, 100.0);
      low += d < 20 ? 1 : 0;
      gap += d >= 20 && d <= 60 ? 1 : 0;
    }
    assertThat(low).isBetween(900, 1100);
    // Only the percentile around the median straddles the gap between the modes.
    assertThat(gap).isLessThan(60);
  }

  @Test
  void aSmallSampleOfTwoModesIsToldFromALogNormal() {
    Random r = new Random(5);
    double[] x = new double[40];
    for (int i = 0; i < x.length; i++) {
      x[i] = (i % 2 == 0 ? 30 : 300) * Math.exp(0.1 * r.nextGaussian());
    }
    LatencyModel m = LatencyFitter.fit(x, LatencyMode.FIT);
    assertThat(m).isInstanceOf(LatencyModel.Empirical.class);
    assertThat(m.reason()).contains("the logs are not normal (KS D");
  }

  @Test
  void fewSamplesKeepTheLogNormalAndSayWhy() {
    LatencyModel m = LatencyFitter.fit(new double[] {10, 12, 30}, LatencyMode.FIT);
    assertThat(m).isInstanceOf(LatencyModel.LogNormal.class);
    assertThat(m.reason()).isEqualTo("lognormal: 3 samples, too few to judge the fit");
    assertThat(((LatencyModel.LogNormal) m).maxMillis()).isEqualTo(30);
  }

  @Test
  void modesAskedForAreObeyed() {
    double[] x = logNormal(100, 10, 0.3, 1);
    assertThat(LatencyFitter.fit(x, LatencyMode.EMPIRICAL)).isInstanceOf(LatencyModel.Empirical.class);
    assertThat(LatencyFitter.fit(x, LatencyMode.LOGNORMAL)).isInstanceOf(LatencyModel.LogNormal.class);
    assertThat(LatencyFitter.fit(x, LatencyMode.NONE)).isInstanceOf(LatencyModel.None.class);
    assertThat(LatencyFitter.fit(new double[0], LatencyMode.FIT).reason()).isEqualTo("no latency recorded in the capture");
  }

  @Test
  void quantilesInterpolateAndTheNormalQuantileIsRight() {
    assertThat(LatencyFitter.quantile(new double[] {1, 2, 3, 4}, 0.5)).isEqualTo(2.5);
    assertThat(Normal.quantile(0.975)).isCloseTo(1.959964, within(1e-6));
    assertThat(Normal.quantile(0.01)).isCloseTo(-2.326348, within(1e-6));
    assertThat(Normal.cdf(1.959964)).isCloseTo(0.975, within(1e-6));
    assertThat(Normal.cdf(-1)).isCloseTo(0.158655, within(1e-6));
  }
}
