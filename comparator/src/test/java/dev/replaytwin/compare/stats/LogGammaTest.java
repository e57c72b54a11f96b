package dev.replaytwin.compare.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogGammaTest {
  @ParameterizedTest(name = "lnΓ({0})")
  @CsvSource({
      // x, scipy.special.gammaln(x), tolerance (a few ulps of the value, or 1e-14 near zero)
      "1e-8, 18.42068073818021, 1e-13",
      "0.5, 0.5723649429247, 1e-14",
      "1, 0.0, 1e-14",
      "1.5, -0.12078223763524526, 1e-14",
      "3.7, 1.428072326665388, 1e-14",
      "14.99, 25.164481163825506, 1e-13",
      "15, 25.191221182738683, 1e-13",
      "30.5, 72.9534711841694, 1e-13",
      "171, 706.5730622457875, 1e-12",
      "1000000, 12815504.569147611, 1e-8",
      "123456789.5, 2176716248.538971, 1e-6",
  })
  void logGammaMatchesScipy(double x, double expected, double tolerance) {
    assertThat(LogGamma.logGamma(x)).isCloseTo(expected, within(tolerance));
  }

  @ParameterizedTest(name = "ln {0}!")
  @CsvSource({
      // n, scipy.special.gammaln(n + 1)
      "0, 0.0, 0",
      "1, 0.0, 0",
      "20, 42.335616460753485, 1e-14",
      "21, 45.38013889847691, 1e-13",
      "100, 363.73937555556347, 1e-12",
      "1000, 5912.128178488164, 1e-11",
      "10000000, 151180965.48756957, 1e-7",
  })
  void logFactorialMatchesScipy(long n, double expected, double tolerance) {
    assertThat(LogGamma.logFactorial(n)).isCloseTo(expected, within(tolerance));
  }

  @Test
  void rejectsNonPositiveArguments() {
    assertThatThrownBy(() -> LogGamma.logGamma(0))
        .hasMessage("x: 0.0 (expected: > 0 and finite)");
    assertThatThrownBy(() -> LogGamma.logFactorial(-1)).hasMessage("n: -1 (expected: >= 0)");
  }
}
