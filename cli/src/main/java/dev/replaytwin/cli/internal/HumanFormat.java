package dev.replaytwin.cli.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Numbers, sizes, times and durations as people read them in twin's text output. */
public final class HumanFormat {
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final String[] BINARY_UNITS = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

  private HumanFormat() {}

  /** Epoch nanoseconds as an ISO-8601 UTC instant with milliseconds, e.g. {@code 2026-11-21T10:00:00.250Z}. */
  public static String instantMillis(long epochNanos) {
    return MILLIS.format(instant(epochNanos));
  }

  /** An instant in ISO-8601 UTC with milliseconds, e.g. {@code 2026-11-21T10:00:00.250Z}. */
  public static String instantMillis(Instant instant) {
    return MILLIS.format(instant);
  }

  /** Epoch nanoseconds as an {@link Instant}, keeping every digit. */
  public static Instant instant(long epochNanos) {
    return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L));
  }

  /** A count with thousands separators: {@code 1,234,567}. */
  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** A byte size in binary units: {@code 512 B}, {@code 1.5 KiB}, {@code 12.0 MiB}. */
  public static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    double value = n;
    int unit = -1;
    while (value >= 1024 && unit < BINARY_UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, BINARY_UNITS[unit]);
  }

  /** Nanoseconds as milliseconds with one decimal: {@code 12.3 ms}. */
  public static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
  }

  /** A duration for a time span: {@code 850 ms}, {@code 12.345 s}, {@code 5m 02.100s}, {@code 2h 05m 00s}. */
  public static String duration(long nanos) {
    if (nanos < 1_000_000_000L) {
      return String.format(Locale.ROOT, "%d ms", nanos / 1_000_000L);
    }
    long millis = nanos / 1_000_000L;
    long hours = millis / 3_600_000L;
    long minutes = millis / 60_000L % 60;
    long seconds = millis / 1000 % 60;
    long ms = millis % 1000;
    if (hours > 0) {
      return String.format(Locale.ROOT, "%dh %02dm %02ds", hours, minutes, seconds);
    }
    if (minutes > 0) {
      return String.format(Locale.ROOT, "%dm %02d.%03ds", minutes, seconds, ms);
    }
    return String.format(Locale.ROOT, "%d.%03d s", seconds, ms);
  }

  /** A rate per second with one decimal: {@code 3.5/s}. */
  public static String rate(double perSecond) {
    return String.format(Locale.ROOT, "%,.1f/s", perSecond);
  }

  /** {@code text} with control characters (line breaks, escape sequences) shown as {@code \\uXXXX}. */
  public static String printable(String text) {
    int i = 0;
    while (i < text.length() && !Character.isISOControl(text.charAt(i))) {
      i++;
    }
    if (i == text.length()) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length() + 8).append(text, 0, i);
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c)) {
        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
