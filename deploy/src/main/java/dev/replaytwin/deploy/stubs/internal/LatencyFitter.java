package dev.replaytwin.deploy.stubs.internal;

import dev.replaytwin.deploy.stubs.LatencyMode;
import dev.replaytwin.deploy.stubs.LatencyModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Fits a latency model to one endpoint's captured latencies. A log-normal is fitted by maximum
 * likelihood (mean and standard deviation of the logs). With {@link LatencyMode#FIT} it is kept
 * unless it fits badly, which takes both:
 *
 * <ul>
 *   <li>a real difference: the logs fail a test of normality, Lilliefors' Kolmogorov-Smirnov test
 *       at the 1% level (D above 1.031/sqrt(n)), so the shape is not sampling noise; and
 *   <li>one that matters: one of the captured p10, p25, p50, p75, p90 (and p99 from 100 samples
 *       on) is more than {@link #TOLERANCE} off the log-normal's.
 * </ul>
 *
 * Then the endpoint gets the empirical distribution (every percentile). Fewer than
 * {@link #MIN_SAMPLES_TO_JUDGE} samples cannot tell, and keep the log-normal.
 */
public final class LatencyFitter {
  static final double TOLERANCE = 0.10;
  static final int MIN_SAMPLES_TO_JUDGE = 20;
  /** Latencies below this (1 µs) are taken as this, so the logs stay finite. */
  static final double FLOOR_MILLIS = 0.001;

  private static final double[] CHECKED = {0.10, 0.25, 0.50, 0.75, 0.90, 0.99};
  /** Every percentile, and p99.9: fine enough that a gap between two modes gets few draws. */
  private static final double[] EMPIRICAL_P = empiricalGrid();

  private LatencyFitter() {}

  /** The model for {@code millis} (any order; not changed) under {@code mode}. */
  public static LatencyModel fit(double[] millis, LatencyMode mode) {
    int n = millis.length;
    if (mode == LatencyMode.NONE) {
      return new LatencyModel.None(n, "no delay asked for (--latency none)");
    }
    if (n == 0) {
      return new LatencyModel.None(0, "no latency recorded in the capture");
    }
    double[] sorted = millis.clone();
    for (int i = 0; i < n; i++) {
      sorted[i] = Math.max(FLOOR_MILLIS, sorted[i]);
    }
    Arrays.sort(sorted);
    double mu = 0;
    for (double x : sorted) {
      mu += Math.log(x);
    }
    mu /= n;
    double ss = 0;
    for (double x : sorted) {
      double d = Math.log(x) - mu;
      ss += d * d;
    }
    double sigma = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
    double median = Math.exp(mu);
    double max = sorted[n - 1];
    if (mode == LatencyMode.EMPIRICAL) {
      return empirical(sorted, "empirical, as asked (--latency empirical)");
    }
    if (mode == LatencyMode.LOGNORMAL) {
      return logNormal(median, sigma, max, n, "lognormal, as asked (--latency lognormal)");
    }
    if (n < MIN_SAMPLES_TO_JUDGE) {
      return logNormal(median, sigma, max, n, "lognormal: " + n + (n == 1 ? " sample" : " samples")
          + ", too few to judge the fit");
    }
    double worst = 0;
    String worstAt = "";
    for (double p : CHECKED) {
      if (p == 0.99 && n < 100) {
        continue;
      }
      double fitted = median * Math.exp(sigma * Normal.quantile(p));
      double off = Math.abs(quantile(sorted, p) - fitted) / fitted;
      if (off > worst) {
        worst = off;
        worstAt = String.format(Locale.ROOT, "p%s is %.0f%% off the captured one", percentile(p), 100 * off);
      }
    }
    double d = sigma > 0 ? kolmogorovSmirnov(sorted, mu, sigma) : 0;
    double critical = 1.031 / Math.sqrt(n);
    String test = String.format(Locale.ROOT, "KS D %.3f, %s %.3f", d, d > critical ? ">" : "<=", critical);
    if (worst > TOLERANCE && d > critical) {
      return empirical(sorted, "empirical: the lognormal's " + worstAt + ", and the logs are not normal (" + test + ")");
    }
    return logNormal(median, sigma, max, n, "lognormal: " + (worst <= TOLERANCE
        ? "every checked quantile within " + Math.round(TOLERANCE * 100) + "% (worst: " + worstAt + ")"
        : worstAt + ", but that is within sampling noise (" + test + ")"));
  }

  /**
   * Lilliefors' statistic: the largest distance between the empirical distribution of the logs of
   * {@code sorted} and the normal with their mean and standard deviation.
   */
  static double kolmogorovSmirnov(double[] sorted, double mu, double sigma) {
    int n = sorted.length;
    double d = 0;
    for (int i = 0; i < n; i++) {
      double cdf = Normal.cdf((Math.log(sorted[i]) - mu) / sigma);
      d = Math.max(d, Math.max((i + 1.0) / n - cdf, cdf - (double) i / n));
    }
    return d;
  }

  private static double[] empiricalGrid() {
    double[] p = new double[102];
    for (int i = 0; i < 100; i++) {
      p[i] = i / 100.0;
    }
    p[100] = 0.999;
    p[101] = 1;
    return p;
  }

  /** The p-quantile of sorted values, interpolated between the two nearest (R's type 7). */
  static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  private static LatencyModel logNormal(double median, double sigma, double max, int n, String reason) {
    return new LatencyModel.LogNormal(round(median, 1e3), round(sigma, 1e4), round(max, 1e3), n, reason);
  }

  private static LatencyModel empirical(double[] sorted, String reason) {
    List<LatencyModel.Quantile> qs = new ArrayList<>(EMPIRICAL_P.length);
    double last = 0;
    for (double p : EMPIRICAL_P) {
      last = Math.max(last, round(quantile(sorted, p), 1e3));
      qs.add(new LatencyModel.Quantile(p, last));
    }
    return new LatencyModel.Empirical(qs, sorted.length, reason);
  }

  private static String percentile(double p) {
    double pct = p * 100;
    return pct == Math.rint(pct) ? Long.toString(Math.round(pct)) : Double.toString(pct);
  }

  /** Rounded to {@code 1/scale}, so the index shows microseconds, not binary noise. */
  private static double round(double v, double scale) {
    return Math.round(v * scale) / scale;
  }
}
