package dev.replaytwin.core.capture;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A point in a capture's time as users write it ({@code --from}, {@code --to}, a scenario's
 * {@code capture.from}): an instant, or an offset from the capture's first exchange.
 */
public sealed interface TimePoint {
  /** What {@link #parse} accepts, for messages. */
  String EXPECTED = "expected: an ISO-8601 instant like 2026-11-21T10:00:00Z,"
      + " or an offset from the first exchange like +30s, +5m, +1h30m, +250ms";

  /**
   * Parses an ISO-8601 instant ({@code 2026-11-21T10:00:00Z}, fractional seconds allowed), or
   * {@code +} and amounts of {@code h}, {@code m}, {@code s}, {@code ms} counted from the capture's
   * first exchange ({@code +30s}, {@code +1h30m}, {@code +1.5s}, {@code +250ms}).
   *
   * @throws IllegalArgumentException saying what is wrong and what is expected
   */
  static TimePoint parse(String value) {
    String text = value.strip();
    if (text.startsWith("+")) {
      return new AfterFirst(offset(text.substring(1), value));
    }
    try {
      return new At(Instant.parse(text));
    } catch (DateTimeParseException e) {
      throw notATime(value);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("'" + value + "' is out of range (expected: a year from 1678 to 2261)");
    }
  }

  private static Duration offset(String amounts, String value) {
    Matcher m = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)").matcher(amounts);
    BigDecimal nanos = BigDecimal.ZERO;
    int end = 0;
    while (m.find() && m.start() == end) {
      long unit = switch (m.group(2)) {
        case "h" -> 3_600_000_000_000L;
        case "m" -> 60_000_000_000L;
        case "s" -> 1_000_000_000L;
        default -> 1_000_000L;
      };
      nanos = nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit)));
      end = m.end();
    }
    if (end == 0 || end != amounts.length()) {
      throw notATime(value);
    }
    try {
      return Duration.ofNanos(nanos.setScale(0, RoundingMode.DOWN).longValueExact());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("'" + value + "' is too long an offset (expected: under 292 years)");
    }
  }

  private static IllegalArgumentException notATime(String value) {
    return new IllegalArgumentException("'" + value + "' is not a time (" + EXPECTED + ")");
  }

  /** Epoch nanoseconds of this point in a capture whose first exchange was at {@code firstNanos}. */
  long resolve(long firstNanos);

  /** True when the point depends on where the capture starts. */
  default boolean isRelative() {
    return this instanceof AfterFirst;
  }

  /** A fixed instant; it must fit epoch nanoseconds in a long (years 1677 to 2262). */
  record At(Instant instant) implements TimePoint {
    public At {
      requireNonNull(instant, "instant");
      epochNanos(instant);
    }

    @Override
    public long resolve(long firstNanos) {
      return epochNanos(instant);
    }

    private static long epochNanos(Instant instant) {
      return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }
  }

  /** An offset from the first exchange of the capture. */
  record AfterFirst(Duration offset) implements TimePoint {
    public AfterFirst {
      requireNonNull(offset, "offset");
      if (offset.isNegative()) {
        throw new IllegalArgumentException("offset: " + offset + " (expected: >= 0)");
      }
    }

    @Override
    public long resolve(long firstNanos) {
      long nanos = offset.toNanos();
      return firstNanos > Long.MAX_VALUE - nanos ? Long.MAX_VALUE : firstNanos + nanos;
    }
  }
}
