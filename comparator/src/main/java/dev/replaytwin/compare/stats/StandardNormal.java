package dev.replaytwin.compare.stats;

/**
 * The standard normal distribution: tail probabilities accurate relative to their own size far
 * into the tails (so tiny p-values stay meaningful for false-discovery control), and its quantile.
 * The relative error is near 1e-15 for moderate z and grows with {@code z²} (the rounding of the
 * exponent) to about 1e-13 at z = 37, where the tail reaches the smallest normal double.
 *
 * <p>The upper tail is {@code Q(1/2, z²/2) / 2}, the regularized upper incomplete gamma function,
 * evaluated by its power series below {@code z²/2 = 1.5} and by its continued fraction (modified
 * Lentz) above. The quantile starts from Acklam's rational approximation (relative error 1.2e-9)
 * and is polished by two Halley steps against {@link #cdf(double)}.
 */
public final class StandardNormal {
  private static final double LOG_GAMMA_HALF = 0.5 * Math.log(Math.PI);
  private static final double SQRT_TWO_PI = Math.sqrt(2 * Math.PI);
  private static final double SERIES_EPSILON = 1e-17;
  // Two ulps of 1: the fraction's step factor settles on 1 within rounding, never closer.
  private static final double FRACTION_EPSILON = 2.3e-16;
  private static final double TINY = 1e-300;

  private static final double[] A = {-3.969683028665376e+01, 2.209460984245205e+02,
      -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
  private static final double[] B = {-5.447609879822406e+01, 1.615858368580409e+02,
      -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01};
  private static final double[] C = {-7.784894002430293e-03, -3.223964580411365e-01,
      -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
  private static final double[] D = {7.784695709041462e-03, 3.224671290700398e-01,
      2.445134137142996e+00, 3.754408661907416e+00};
  private static final double P_LOW = 0.02425;

  private StandardNormal() {}

  /** {@code P(Z <= z)}. */
  public static double cdf(double z) {
    return sf(-z);
  }

  /** {@code P(Z > z)}, accurate relative to its own size for large {@code z}. */
  public static double sf(double z) {
    if (Double.isNaN(z)) {
      return Double.NaN;
    }
    if (z < 0) {
      return 1 - sf(-z);
    }
    double x = 0.5 * z * z;
    if (x < 1.5) {
      return 0.5 * (1 - lowerGammaHalfSeries(x));
    }
    return 0.5 * upperGammaHalfFraction(x);
  }

  /** The {@code p}-quantile, {@code p} in {@code 0..1}; infinite at the ends. */
  public static double quantile(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("p: " + p + " (expected: 0..1)");
    }
    if (p == 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (p == 1) {
      return Double.POSITIVE_INFINITY;
    }
    double x = acklam(p);
    for (int i = 0; i < 2; i++) {
      // Use the tail nearer to p, so that p close to 0 keeps its relative precision.
      double e = p > 0.5 ? (1 - p) - sf(x) : cdf(x) - p;
      double u = e * SQRT_TWO_PI * Math.exp(0.5 * x * x);
      x = x - u / (1 + 0.5 * x * u);
    }
    return x;
  }

  private static double acklam(double p) {
    if (p < P_LOW) {
      double q = Math.sqrt(-2 * Math.log(p));
      return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
          / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
    }
    if (p > 1 - P_LOW) {
      double q = Math.sqrt(-2 * Math.log1p(-p));
      return -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
          / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
    }
    double q = p - 0.5;
    double r = q * q;
    return (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
        / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
  }

  /** Regularized lower incomplete gamma {@code P(1/2, x)} by its power series. */
  private static double lowerGammaHalfSeries(double x) {
    double a = 0.5;
    double term = 1 / a;
    double sum = term;
    for (int n = 1; n < 1000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * SERIES_EPSILON) {
        break;
      }
    }
    return sum * Math.exp(-x + a * Math.log(x) - LOG_GAMMA_HALF);
  }

  /** Regularized upper incomplete gamma {@code Q(1/2, x)} by its continued fraction. */
  private static double upperGammaHalfFraction(double x) {
    double a = 0.5;
    double b = x + 1 - a;
    double c = 1 / TINY;
    double d = 1 / b;
    double h = d;
    for (int i = 1; i < 1000; i++) {
      double an = -i * (i - a);
      b += 2;
      d = an * d + b;
      if (Math.abs(d) < TINY) {
        d = TINY;
      }
      c = b + an / c;
      if (Math.abs(c) < TINY) {
        c = TINY;
      }
      d = 1 / d;
      double delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1) < FRACTION_EPSILON) {
        break;
      }
    }
    return Math.exp(-x + a * Math.log(x) - LOG_GAMMA_HALF) * h;
  }
}
