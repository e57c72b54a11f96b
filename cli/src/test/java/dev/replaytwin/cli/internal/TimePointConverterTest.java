package dev.replaytwin.cli.internal;

import dev.replaytwin.core.capture.TimePoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class TimePointConverterTest {
  private final TimePointConverter converter = new TimePointConverter();

  @Test
  void parsesInstantsWithAndWithoutFraction() {
    assertThat(converter.convert("2026-11-21T10:00:00Z"))
        .isEqualTo(new TimePoint.At(Instant.parse("2026-11-21T10:00:00Z")));
    assertThat(converter.convert("2026-11-21T10:00:00.123456789Z").resolve(0))
        .isEqualTo(1_795_255_200_123_456_789L);
  }

  @Test
  void parsesOffsetsInEveryUnitAndCombination() {
    assertThat(offset("+30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(offset("+5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(offset("+1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(offset("+250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(offset("+1m30s250ms")).isEqualTo(Duration.ofMillis(90_250));
    assertThat(offset("+1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(offset("+0s")).isZero();
  }

  @Test
  void offsetsResolveFromTheFirstExchange() {
    assertThat(converter.convert("+2s").resolve(1_000)).isEqualTo(2_000_001_000L);
    assertThat(converter.convert("+2s").isRelative()).isTrue();
    assertThat(converter.convert("2026-11-21T10:00:00Z").isRelative()).isFalse();
  }

  @Test
  void offsetPastTheEndOfTimeSaturates() {
    assertThat(converter.convert("+1000h").resolve(Long.MAX_VALUE - 5)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void rejectsWhatIsNeitherWithTheExpectedForms() {
    for (String bad : new String[] {"10am", "+", "+5", "+5x", "+m5", "+5m+", "+ 5m", "2026-11-21", "-5s", ""}) {
      assertThatThrownBy(() -> converter.convert(bad)).as(bad)
          .isInstanceOf(TypeConversionException.class)
          .hasMessage("'" + bad + "' is not a time (" + TimePoint.EXPECTED + ")");
    }
  }

  @Test
  void rejectsTimesBeyondEpochNanos() {
    assertThatThrownBy(() -> converter.convert("2300-01-01T00:00:00Z"))
        .isInstanceOf(TypeConversionException.class)
        .hasMessageContaining("out of range");
    assertThatThrownBy(() -> converter.convert("+9999999999h"))
        .isInstanceOf(TypeConversionException.class)
        .hasMessageContaining("too long an offset");
  }

  private Duration offset(String text) {
    return ((TimePoint.AfterFirst) converter.convert(text)).offset();
  }
}
