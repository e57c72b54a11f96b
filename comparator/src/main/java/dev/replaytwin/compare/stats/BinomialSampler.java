package dev.replaytwin.compare.stats;

import java.util.SplittableRandom;

/**
 * Draws binomial variates, exactly in distribution up to floating-point rounding.
 *
 * <p>With {@code p} folded to at most 1/2 (by {@code n - Binomial(n, 1 - p)}): when the mean
 * {@code np} is below 10, sequential inversion from zero (expected {@code np + 1} steps; a draw
 * that runs past {@code np + 10·sqrt(np + 1)}, which has probability below 1e-12, is redrawn);
 * otherwise Hörmann's BTRS transformed rejection with squeeze ("The generation of binomial random
 * variates", J. Stat. Comput. Simul. 46, 1993), the method of TensorFlow and PyTorch, which
 * accepts about 80% of its candidates for large means and costs O(1) per draw whatever {@code n}.
 */
final class BinomialSampler {
  private static final double INVERSION_MEAN_LIMIT = 10;
  private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
  private static final double[] STIRLING_TAIL = new double[10];

  static {
    for (int k = 0; k < STIRLING_TAIL.length; k++) {
      STIRLING_TAIL[k] =
          LogGamma.logFactorial(k) - (k + 0.5) * Math.log(k + 1.0) + (k + 1.0) - HALF_LOG_TWO_PI;
    }
  }

  private BinomialSampler() {}

  /** One draw of Binomial({@code n}, {@code p}). */
  static long sample(SplittableRandom random, long n, double p) {
    if (n == 0 || p <= 0) {
      return 0;
    }
    if (p >= 1) {
      return n;
    }
    if (p > 0.5) {
      return n - sample(random, n, 1 - p);
    }
    return n * p < INVERSION_MEAN_LIMIT ? inversion(random, n, p) : btrs(random, n, p);
  }

  private static long inversion(SplittableRandom random, long n, double p) {
    double q = 1 - p;
    double s = p / q;
    double a = (n + 1) * s;
    double first = Math.exp(n * Math.log1p(-p));
    double bound = Math.min(n, n * p + 10 * Math.sqrt(n * p * q + 1));
    while (true) {
      double u = random.nextDouble();
      double r = first;
      long x = 0;
      while (u > r) {
        u -= r;
        x++;
        if (x > bound) {
          break;
        }
        r *= a / x - s;
      }
      if (x <= bound) {
        return x;
      }
    }
  }

  private static long btrs(SplittableRandom random, long n, double p) {
    double spq = Math.sqrt(n * p * (1 - p));
    double b = 1.15 + 2.53 * spq;
    double a = -0.0873 + 0.0248 * b + 0.01 * p;
    double c = n * p + 0.5;
    double vr = 0.92 - 4.2 / b;
    double r = p / (1 - p);
    double alpha = (2.83 + 5.1 / b) * spq;
    double m = Math.floor((n + 1) * p);
    double upperConstant = (m + 0.5) * Math.log((m + 1) / (r * (n - m + 1)))
        + stirlingTail(m) + stirlingTail(n - m);
    while (true) {
      double u = random.nextDouble() - 0.5;
      double v = random.nextDouble();
      double us = 0.5 - Math.abs(u);
      if (us <= 0) {
        continue;
      }
      double k = Math.floor((2 * a / us + b) * u + c);
      if (us >= 0.07 && v <= vr) {
        return (long) k;
      }
      if (k < 0 || k > n) {
        continue;
      }
      double logV = Math.log(v * alpha / (a / (us * us) + b));
      double bound = upperConstant
          + (n + 1) * Math.log((n - m + 1) / (n - k + 1))
          + (k + 0.5) * Math.log(r * (n - k + 1) / (k + 1))
          - stirlingTail(k) - stirlingTail(n - k);
      if (logV <= bound) {
        return (long) k;
      }
    }
  }

  /** {@code ln k! - [(k + 1/2) ln(k + 1) - (k + 1) + ln sqrt(2π)]}. */
  private static double stirlingTail(double k) {
    if (k < STIRLING_TAIL.length) {
      return STIRLING_TAIL[(int) k];
    }
    double kp1 = k + 1;
    double kp1sq = kp1 * kp1;
    return (1.0 / 12 - (1.0 / 360 - 1.0 / 1260 / kp1sq) / kp1sq) / kp1;
  }
}
