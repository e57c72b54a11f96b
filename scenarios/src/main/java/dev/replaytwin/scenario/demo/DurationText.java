package dev.replaytwin.scenario.demo;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as the {@code twin} command writes them: {@code 10m}, {@code 90s}, {@code 1m30s}, {@code 250ms}. */
final class DurationText {
  private static final Pattern PART = Pattern.compile("(\\d{1,9})(ms|h|m|s)");

  private DurationText() {}

  static Duration parse(String option, String text) {
    Matcher m = PART.matcher(text.trim());
    Duration d = Duration.ZERO;
    int end = 0;
    while (m.lookingAt()) {
      long n = Long.parseLong(m.group(1));
      d = d.plus(switch (m.group(2)) {
        case "h" -> Duration.ofHours(n);
        case "m" -> Duration.ofMinutes(n);
        case "s" -> Duration.ofSeconds(n);
        default -> Duration.ofMillis(n);
      });
      end = m.end();
      m.region(end, text.trim().length());
    }
    if (end == 0 || end != text.trim().length()) {
      throw new IllegalArgumentException(option + " " + text + ": not a duration (expected: like 10m, 90s, 1m30s)");
    }
    return d;
  }

  static String format(Duration d) {
    long s = d.toSeconds();
    if (d.toMillisPart() != 0 || s == 0) {
      return d.toMillis() + "ms";
    }
    return (s >= 60 ? s / 60 + "m" : "") + (s % 60 != 0 ? s % 60 + "s" : "");
  }
}
