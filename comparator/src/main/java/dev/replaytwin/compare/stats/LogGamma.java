package dev.replaytwin.compare.stats;

/**
 * Logarithms of the gamma function, factorials and binomial coefficients.
 *
 * <p>Factorials up to 20! are exact in a {@code long}, so their logarithms are correctly rounded.
 * Above that, and for {@link #logGamma(double)}, the Stirling series with seven correction terms
 * is used at arguments of at least 15 (smaller arguments are shifted up by the recurrence
 * {@code Γ(x+1) = xΓ(x)}); its truncation error there is below 1e-19, so the result is accurate
 * to a few ulps of its magnitude. For counts in the millions that magnitude is around 1e7, so a
 * difference of such logarithms (a log-probability) carries an absolute error near 1e-8.
 */
final class LogGamma {
  private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
  private static final double STIRLING_FROM = 15;
  private static final long[] FACTORIALS = new long[21];

  static {
    FACTORIALS[0] = 1;
    for (int i = 1; i < FACTORIALS.length; i++) {
      FACTORIALS[i] = FACTORIALS[i - 1] * i;
    }
  }

  private LogGamma() {}

  /** {@code ln Γ(x)} for {@code x > 0}. */
  static double logGamma(double x) {
    if (!(x > 0) || Double.isInfinite(x)) {
      throw new IllegalArgumentException("x: " + x + " (expected: > 0 and finite)");
    }
    if (x >= STIRLING_FROM) {
      return stirling(x);
    }
    double product = 1;
    double shifted = x;
    while (shifted < STIRLING_FROM) {
      product *= shifted;
      shifted += 1;
    }
    return stirling(shifted) - Math.log(product);
  }

  /** {@code ln n!} for {@code n >= 0}. */
  static double logFactorial(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("n: " + n + " (expected: >= 0)");
    }
    if (n < FACTORIALS.length) {
      return Math.log(FACTORIALS[(int) n]);
    }
    return stirling(n + 1.0);
  }

  /** {@code ln C(n, k)} for {@code 0 <= k <= n}. */
  static double logChoose(long n, long k) {
    return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
  }

  private static double stirling(double x) {
    double inv = 1 / x;
    double inv2 = inv * inv;
    // Bernoulli-number series B_2k / (2k(2k-1) x^(2k-1)), k = 1..7, in Horner form.
    double series = inv * (1.0 / 12 + inv2 * (-1.0 / 360 + inv2 * (1.0 / 1260 + inv2 * (-1.0 / 1680
        + inv2 * (1.0 / 1188 + inv2 * (-691.0 / 360360 + inv2 * (1.0 / 156)))))));
    return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + series;
  }
}
