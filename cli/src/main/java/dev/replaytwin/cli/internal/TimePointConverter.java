package dev.replaytwin.cli.internal;

import dev.replaytwin.core.capture.TimePoint;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;


/**
 * Parses {@code --from} and {@code --to} values with {@link TimePoint#parse}: an ISO-8601 instant,
 * or an offset from the capture's first exchange ({@code +30s}, {@code +1h30m}).
 */
public final class TimePointConverter implements ITypeConverter<TimePoint> {
  @Override
  public TimePoint convert(String value) {
    try {
      return TimePoint.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
