package dev.replaytwin.cli.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses {@code --from} and {@code --to} values: an ISO-8601 instant ({@code 2026-11-21T10:00:00Z},
 * fractional seconds allowed), or {@code +} and amounts of {@code h}, {@code m}, {@code s},
 * {@code ms} counted from the capture's first exchange ({@code +30s}, {@code +1h30m},
 * {@code +1.5s}, {@code +250ms}).
 */
public final class TimePointConverter implements ITypeConverter<TimePoint> {
  static final String EXPECTED = "expected: an ISO-8601 instant like 2026-11-21T10:00:00Z,"
      + " or an offset from the first exchange like +30s, +5m, +1h30m, +250ms";
  private static final Pattern AMOUNT = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");

  @Override
  public TimePoint convert(String value) {
    String text = value.strip();
    if (text.startsWith("+")) {
      return new TimePoint.AfterFirst(offset(text.substring(1), value));
    }
    try {
      return new TimePoint.At(Instant.parse(text));
    } catch (DateTimeParseException e) {
      throw notATime(value);
    } catch (ArithmeticException e) {
      throw new TypeConversionException("'" + value + "' is out of range (expected: a year from 1678 to 2261)");
    }
  }

  private static Duration offset(String amounts, String value) {
    Matcher m = AMOUNT.matcher(amounts);
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
      throw new TypeConversionException("'" + value + "' is too long an offset (expected: under 292 years)");
    }
  }

  private static TypeConversionException notATime(String value) {
    return new TypeConversionException("'" + value + "' is not a time (" + EXPECTED + ")");
  }
}
