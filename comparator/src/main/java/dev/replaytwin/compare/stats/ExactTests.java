package dev.replaytwin.compare.stats;

/**
 * Tests and intervals for error rates: the exact McNemar test for paired outcomes, Fisher's exact
 * test for a 2x2 table, and the Wilson score interval for a rate.
 *
 * <p>Probabilities are computed in log space (see {@link LogGamma}) and tails are summed from the
 * observed count outwards only while terms matter (see {@link LogConcaveTail}), so counts in the
 * millions cost a few thousand terms and stay exact: there is no normal approximation. For such
 * counts the log-factorials carry absolute errors near 1e-8, hence relative errors of that order
 * in the p-values; for counts below a thousand, relative errors are near 1e-13.
 *
 * <pre>{@code
 * McNemarResult errors = ExactTests.mcNemar(candidateOnlyFailures, baselineOnlyFailures);
 * Interval rate = ExactTests.wilson(candidateFailures, requests, 0.95);
 * }</pre>
 */
public final class ExactTests {
  /**
   * Tables within this relative probability of the observed one count as equally likely in
   * Fisher's two-sided test (R's fisher.test uses the same; scipy uses 1e-14, below the rounding
   * of log-space probabilities of large tables).
   */
  private static final double RELATIVE_TIE = 1e-7;
  private static final double LOG_TWO = Math.log(2);

  private ExactTests() {}

  /**
   * Exact McNemar test: under the null hypothesis each discordant request is equally likely to
   * have failed on either target, so {@code candidateOnlyFailures} is Binomial(discordant, 1/2).
   * Matches {@code scipy.stats.binomtest(candidateOnlyFailures, discordant, 0.5)}: two-sided
   * {@code min(1, 2·P(X <= min(b, c)))}, and "candidate worse" is {@code P(X >= b)}.
   */
  public static McNemarResult mcNemar(long candidateOnlyFailures, long baselineOnlyFailures) {
    if (candidateOnlyFailures < 0 || baselineOnlyFailures < 0) {
      throw new IllegalArgumentException("candidateOnlyFailures: " + candidateOnlyFailures
          + ", baselineOnlyFailures: " + baselineOnlyFailures + " (expected: both >= 0)");
    }
    long b = candidateOnlyFailures;
    long m = Math.addExact(b, baselineOnlyFailures);
    if (m == 0) {
      return new McNemarResult(b, baselineOnlyFailures, 1, 1);
    }
    double twoSided = 2 * b == m ? 1
        : Math.min(1, 2 * halfBinomialAtMost(Math.min(b, baselineOnlyFailures), m));
    double worse;
    if (2 * b >= m) {
      worse = LogConcaveTail.sum(halfBinomialLogPmf(b, m), b, m, 1,
          x -> (double) (m - x) / (x + 1));
    } else {
      worse = b == 0 ? 1 : 1 - halfBinomialAtMost(b - 1, m);
    }
    return new McNemarResult(b, baselineOnlyFailures, twoSided, clamp(worse));
  }

  /** {@code P(X <= k)} for X ~ Binomial(m, 1/2) and {@code 2k < m}. */
  private static double halfBinomialAtMost(long k, long m) {
    return LogConcaveTail.sum(halfBinomialLogPmf(k, m), k, 0, -1, x -> (double) x / (m - x + 1));
  }

  private static double halfBinomialLogPmf(long k, long m) {
    return LogGamma.logChoose(m, k) - m * LOG_TWO;
  }

  /**
   * Fisher's exact test of {@code [[a, b], [c, d]]}, conditional on its margins, as
   * {@code scipy.stats.fisher_exact} computes it: {@code a} is hypergeometric, the two-sided
   * p-value sums the probabilities of every table no more likely than the observed one (up to a
   * relative 1e-7), and a table with an empty row or column has p-values of 1.
   */
  public static FisherResult fisher(long a, long b, long c, long d) {
    if (a < 0 || b < 0 || c < 0 || d < 0) {
      throw new IllegalArgumentException(
          "table: [[" + a + ", " + b + "], [" + c + ", " + d + "]] (expected: counts >= 0)");
    }
    long total = Math.addExact(Math.addExact(a, b), Math.addExact(c, d));
    long row = a + b;
    long column = a + c;
    if (row == 0 || column == 0 || row == total || column == total) {
      return new FisherResult(Double.NaN, 1, 1, 1);
    }
    double oddsRatio = b > 0 && c > 0 ? (double) a * d / ((double) b * c)
        : Double.POSITIVE_INFINITY;
    Hypergeometric h = new Hypergeometric(total, row, column);
    long mode = (long) ((double) (column + 1) * (row + 1) / (total + 2));
    double less = a <= mode ? h.atMost(a) : a == h.hi ? 1 : 1 - h.atLeast(a + 1);
    double greater = a >= mode ? h.atLeast(a) : a == h.lo ? 1 : 1 - h.atMost(a - 1);
    double logObserved = h.logPmf(a);
    double logThreshold = logObserved + Math.log1p(RELATIVE_TIE);
    double twoSided;
    if (-Math.expm1(logObserved - h.logPmf(mode)) <= RELATIVE_TIE) {
      twoSided = 1;
    } else if (a < mode) {
      twoSided = h.atMost(a);
      if (h.logPmf(h.hi) <= logThreshold) {
        // The first count above the mode no more likely than the observed one.
        long low = mode;
        long high = h.hi;
        while (low < high) {
          long mid = (low + high) >>> 1;
          if (h.logPmf(mid) <= logThreshold) {
            high = mid;
          } else {
            low = mid + 1;
          }
        }
        twoSided += h.atLeast(low);
      }
    } else {
      twoSided = h.atLeast(a);
      if (h.logPmf(h.lo) <= logThreshold) {
        // The last count below the mode no more likely than the observed one.
        long low = h.lo;
        long high = mode;
        while (low < high) {
          long mid = (low + high + 1) >>> 1;
          if (h.logPmf(mid) <= logThreshold) {
            low = mid;
          } else {
            high = mid - 1;
          }
        }
        twoSided += h.atMost(low);
      }
    }
    return new FisherResult(oddsRatio, clamp(twoSided), clamp(less), clamp(greater));
  }

  /**
   * Wilson score interval (without continuity correction) for a rate of {@code events} in
   * {@code trials}, as {@code scipy.stats.binomtest(k, n).proportion_ci(method='wilson')}. Unlike
   * the Wald interval it stays inside 0..1 and is not empty at zero events, which is what error
   * rates of healthy services look like.
   */
  public static Interval wilson(long events, long trials, double confidence) {
    if (trials < 1 || events < 0 || events > trials) {
      throw new IllegalArgumentException("events: " + events + ", trials: " + trials
          + " (expected: 0 <= events <= trials, trials > 0)");
    }
    BootstrapChecks.confidence(confidence);
    double z = StandardNormal.quantile(0.5 + 0.5 * confidence);
    double n = trials;
    double p = events / n;
    double denominator = 2 * (n + z * z);
    double center = (2 * n * p + z * z) / denominator;
    double half = z * Math.sqrt(z * z + 4 * n * p * (1 - p)) / denominator;
    return new Interval(p, Math.max(0, center - half), Math.min(1, center + half));
  }

  private static double clamp(double p) {
    return Math.min(1, Math.max(0, p));
  }

  /** The hypergeometric distribution of the top-left cell given a table's margins. */
  private static final class Hypergeometric {
    final long total;
    final long row;
    final long column;
    final long lo;
    final long hi;
    final double logNormalizer;

    Hypergeometric(long total, long row, long column) {
      this.total = total;
      this.row = row;
      this.column = column;
      this.lo = Math.max(0, column - (total - row));
      this.hi = Math.min(row, column);
      this.logNormalizer = LogGamma.logChoose(total, column);
    }

    double logPmf(long x) {
      return LogGamma.logChoose(row, x) + LogGamma.logChoose(total - row, column - x)
          - logNormalizer;
    }

    /** {@code P(X <= x)} for x at or below the mode. */
    double atMost(long x) {
      long others = total - row - column;
      return LogConcaveTail.sum(logPmf(x), x, lo, -1,
          k -> (double) k * (others + k) / ((double) (row - k + 1) * (column - k + 1)));
    }

    /** {@code P(X >= x)} for x at or above the mode. */
    double atLeast(long x) {
      long others = total - row - column;
      return LogConcaveTail.sum(logPmf(x), x, hi, 1,
          k -> (double) (row - k) * (column - k) / ((double) (k + 1) * (others + k + 1)));
    }
  }
}
