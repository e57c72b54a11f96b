package dev.replaytwin.replay.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Rates as people write them: {@code 500/s}, {@code 30000/m}, {@code 2k/s}, {@code 1.5M/h}, {@code 500}. */
public final class RateFormat {
  private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)(k|M|)(?:\\s*/\\s*(s|m|min|h))?");

  private RateFormat() {}

  /**
   * @return requests a second
   * @throws IllegalArgumentException naming the expected forms
   */
  public static double perSecond(String text) {
    Matcher m = FORM.matcher(text.trim());
    if (m.matches()) {
      double n = Double.parseDouble(m.group(1)) * switch (m.group(2)) {
        case "k" -> 1e3;
        case "M" -> 1e6;
        default -> 1;
      };
      double perSecond = switch (m.group(3) == null ? "s" : m.group(3).toLowerCase(Locale.ROOT)) {
        case "m", "min" -> n / 60;
        case "h" -> n / 3600;
        default -> n;
      };
      if (perSecond > 0 && !Double.isInfinite(perSecond)) {
        return perSecond;
      }
    }
    throw new IllegalArgumentException(
        "rate \"" + text + "\" (expected: requests per unit, e.g. 500/s, 30000/m, 2k/s)");
  }
}
