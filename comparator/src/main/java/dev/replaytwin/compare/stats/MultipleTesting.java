package dev.replaytwin.compare.stats;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * Adjusted p-values for many tests at once (every endpoint times every check), in the order the
 * p-values were given.
 *
 * <ul>
 *   <li>{@link #benjaminiHochberg}: controls the false-discovery rate, the expected share of false
 *       alarms among the regressions reported; valid for independent or positively dependent
 *       tests. Matches {@code scipy.stats.false_discovery_control(p, method='bh')}.
 *   <li>{@link #holm}: controls the family-wise error rate, the chance of even one false alarm,
 *       under any dependence; stricter. Matches statsmodels' {@code multipletests(method='holm')}.
 * </ul>
 *
 * <pre>{@code
 * double[] q = MultipleTesting.benjaminiHochberg(pValues);
 * boolean[] regressions = MultipleTesting.rejected(q, 0.05);
 * }</pre>
 */
public final class MultipleTesting {
  private MultipleTesting() {}

  /**
   * Benjamini–Hochberg adjusted p-values (q-values): for the i-th smallest of m p-values,
   * {@code min over j >= i of p(j)·m / j}, capped at 1.
   */
  public static double[] benjaminiHochberg(double[] pValues) {
    int m = checked(pValues).length;
    int[] order = ascending(pValues);
    double[] adjusted = new double[m];
    double running = 1;
    for (int rank = m; rank >= 1; rank--) {
      int i = order[rank - 1];
      running = Math.min(running, pValues[i] * m / rank);
      adjusted[i] = running;
    }
    return adjusted;
  }

  /**
   * Holm's step-down adjusted p-values: for the i-th smallest of m p-values,
   * {@code max over j <= i of min(1, (m - j + 1)·p(j))}.
   */
  public static double[] holm(double[] pValues) {
    int m = checked(pValues).length;
    int[] order = ascending(pValues);
    double[] adjusted = new double[m];
    double running = 0;
    for (int rank = 1; rank <= m; rank++) {
      int i = order[rank - 1];
      running = Math.max(running, Math.min(1, (m - rank + 1) * pValues[i]));
      adjusted[i] = running;
    }
    return adjusted;
  }

  /**
   * Which hypotheses are rejected at {@code level}: those whose adjusted p-value (from
   * {@link #benjaminiHochberg} or {@link #holm}) is at most the level.
   */
  public static boolean[] rejected(double[] adjustedPValues, double level) {
    checked(adjustedPValues);
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level: " + level + " (expected: 0..1 exclusive)");
    }
    boolean[] rejected = new boolean[adjustedPValues.length];
    for (int i = 0; i < rejected.length; i++) {
      rejected[i] = adjustedPValues[i] <= level;
    }
    return rejected;
  }

  private static double[] checked(double[] pValues) {
    requireNonNull(pValues, "pValues");
    for (int i = 0; i < pValues.length; i++) {
      if (!(pValues[i] >= 0 && pValues[i] <= 1)) {
        throw new IllegalArgumentException(
            "pValues[" + i + "]: " + pValues[i] + " (expected: 0..1)");
      }
    }
    return pValues;
  }

  /** Indices sorted by p-value, ties by index, so the result does not depend on sort stability. */
  private static int[] ascending(double[] pValues) {
    Integer[] boxed = new Integer[pValues.length];
    Arrays.setAll(boxed, i -> i);
    Arrays.sort(boxed, (x, y) -> {
      int byValue = Double.compare(pValues[x], pValues[y]);
      return byValue != 0 ? byValue : Integer.compare(x, y);
    });
    int[] order = new int[boxed.length];
    Arrays.setAll(order, i -> boxed[i]);
    return order;
  }
}
