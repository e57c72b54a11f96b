package dev.replaytwin.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PacingTest {
  @ParameterizedTest
  @CsvSource({"500/s, 500", "500, 500", "30000/m, 500", "30000/min, 500", "1800000/h, 500", "2k/s, 2000",
      "1.5M/h, 416.6666667", "0.5/s, 0.5", "120 / m, 2"})
  void parsesRatesInTheirUsualForms(String text, double perSecond) {
    assertThat(Pacing.parseRate(text)).isCloseTo(perSecond, within(1e-6));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "fast", "-5/s", "0/s", "500/d", "5 00/s", "1e3/s"})
  void refusesRatesItCannotRead(String text) {
    assertThatThrownBy(() -> Pacing.parseRate(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rate \"" + text + "\" (expected: requests per unit, e.g. 500/s, 30000/m, 2k/s)");
  }

  @Test
  void refusesSpeedsAndRatesThatAreNotPositive() {
    assertThatThrownBy(() -> new Pacing.Scaled(0)).hasMessage("speed: 0.0 (expected: > 0, e.g. 0.5, 1 or 4)");
    assertThatThrownBy(() -> new Pacing.Scaled(Double.NaN)).hasMessageStartingWith("speed: NaN");
    assertThatThrownBy(() -> new Pacing.Even(-1)).hasMessage("rate: -1.0 (expected: > 0 requests a second)");
    assertThatThrownBy(() -> new Pacing.Poisson(Double.POSITIVE_INFINITY, 1)).hasMessageStartingWith("rate: Infinity");
  }
}
