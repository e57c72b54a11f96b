package dev.replaytwin.scenario.demo;

import java.util.Locale;

/**
 * The demo shop's releases. 1.4 is the stable one; 1.5 is the candidate and carries the
 * regressions a release gate must catch, each switched on here so the code says which is which.
 */
public enum Release {
  V1_4("1.4", false),
  V1_5("1.5", true);

  private final String label;
  private final boolean regressed;

  Release(String label, boolean regressed) {
    this.label = label;
    this.regressed = regressed;
  }

  public static Release parse(String text) {
    for (Release r : values()) {
      if (r.label.equals(text.trim().toLowerCase(Locale.ROOT))) {
        return r;
      }
    }
    throw new IllegalArgumentException("--release " + text + " (expected: 1.4 or 1.5)");
  }

  public String label() {
    return label;
  }

  /** Search does extra work per character past 12, so long queries get slower. */
  public boolean slowLongSearch() {
    return regressed;
  }

  /** The product page calls its price field {@code amount} instead of {@code price}. */
  public boolean renamedPriceField() {
    return regressed;
  }

  /** Checkout reads the charge back after creating it: two payments calls where one did. */
  public boolean extraPaymentsCall() {
    return regressed;
  }

  /** Checkout fails with 500 now and then when several checkouts run at once (a race). */
  public boolean checkoutRace() {
    return regressed;
  }

  /** Search results are cached forever, with the time of each search: memory grows without bound. */
  public boolean leakySearchCache() {
    return regressed;
  }
}
