package dev.replaytwin.compare.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NoiseThresholdsTest {
  @ParameterizedTest(name = "raw {0} against noise {1}: regression {2}")
  @CsvSource(textBlock = """
      1.00,   0.98,   false
      1.00,   0.80,   true
      0.13,   0.10,   true
      0.11,   0.10,   false
      0.02,   0.00,   true
      0.0002, 0.00,   false
      0.0004, 0.00,   true
      0.00,   0.50,   false
      """)
  void diffyDefaultsNeedBothTheRelativeAndTheAbsoluteMargin(double raw, double noise, boolean regression) {
    assertThat(NoiseThresholds.DIFFY.exceeds(raw, noise)).isEqualTo(regression);
  }

  @Test
  void rejectsThresholdsOutOfRange() {
    assertThatIllegalArgumentException().isThrownBy(() -> new NoiseThresholds(-0.1, 0))
        .withMessage("relative: -0.1 (expected: 0..10)");
    assertThatIllegalArgumentException().isThrownBy(() -> new NoiseThresholds(0.2, Double.NaN))
        .withMessage("absolute: NaN (expected: 0..1)");
  }

  @Test
  void rejectsOptionsOutOfRange() {
    assertThatIllegalArgumentException().isThrownBy(() -> NoiseOptions.defaults().withMaxFieldsPerEndpoint(0))
        .withMessage("maxFieldsPerEndpoint: 0 (expected: >= 1)");
    assertThatIllegalArgumentException().isThrownBy(() -> NoiseOptions.defaults().withMaxExamples(-1))
        .withMessage("maxExamples: -1 (expected: 0..100)");
    assertThat(NoiseOptions.defaults().withIgnore(IgnoreRules.of(List.of("status"))).ignore().ignores("status"))
        .isTrue();
  }
}
