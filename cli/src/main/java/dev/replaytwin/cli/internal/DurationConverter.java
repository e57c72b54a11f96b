package dev.replaytwin.cli.internal;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A duration such as {@code 250ms}, {@code 5s}, {@code 2m} or {@code 1h}. */
public final class DurationConverter implements ITypeConverter<Duration> {
  private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

  @Override
  public Duration convert(String value) {
    Matcher m = FORM.matcher(value.trim());
    if (!m.matches()) {
      throw new TypeConversionException("'" + value + "' (expected: a duration such as 250ms, 5s, 2m or 1h)");
    }
    double n = Double.parseDouble(m.group(1));
    long millis = switch (m.group(2)) {
      case "ms" -> Math.round(n);
      case "s" -> Math.round(n * 1_000);
      case "m" -> Math.round(n * 60_000);
      default -> Math.round(n * 3_600_000);
    };
    return Duration.ofMillis(millis);
  }
}
