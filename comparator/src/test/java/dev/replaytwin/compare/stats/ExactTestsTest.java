package dev.replaytwin.compare.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExactTestsTest {
  @ParameterizedTest(name = "[[{0}, {1}], [{2}, {3}]]")
  @CsvSource({
      // a, b, c, d, then scipy.stats.fisher_exact(table, alternative=...).pvalue for
      // 'two-sided', 'less', 'greater', and the relative tolerance in percent
      "8, 2, 1, 5, 0.034965034965034975, 0.9991258741258742, 0.024475524475524483, 1e-10",
      "3, 17, 12, 9, 0.00884048268676175, 0.005929523489685187, 0.9993529640223799, 1e-10",
      "0, 10, 5, 5, 0.032507739938080496, 0.016253869969040248, 1.0, 1e-10",
      "10, 10, 10, 10, 1.0, 0.6238144327180455, 0.6238144327180455, 1e-10",
      "5, 0, 0, 5, 0.007936507936507938, 1.0, 0.003968253968253969, 1e-10",
      // two targets of a million requests each: log-space error near 1e-8
      "120, 999880, 210, 999790, 8.268254038245872e-07, 4.1341270191229366e-07, "
          + "0.9999997686239824, 1e-4",
      "4000, 996000, 4300, 995700, 0.0010050677700902484, 0.0005025338850451242, "
          + "0.9995353662610352, 1e-4",
  })
  void fisherMatchesScipy(long a, long b, long c, long d, double twoSided, double less,
      double greater, double percent) {
    FisherResult r = ExactTests.fisher(a, b, c, d);

    assertThat(r.twoSided()).isCloseTo(twoSided, withinPercentage(percent));
    assertThat(r.less()).isCloseTo(less, withinPercentage(percent));
    assertThat(r.greater()).isCloseTo(greater, withinPercentage(percent));
  }

  @Test
  void fisherOfATableWithAnEmptyRowIsOne() {
    FisherResult r = ExactTests.fisher(0, 0, 3, 4);

    assertThat(r.twoSided()).isEqualTo(1.0);
    assertThat(r.oddsRatio()).isNaN();
    // scipy.stats.fisher_exact([[8, 2], [1, 5]]).statistic
    assertThat(ExactTests.fisher(8, 2, 1, 5).oddsRatio()).isEqualTo(20.0);
  }

  @ParameterizedTest(name = "b={0}, c={1}")
  @CsvSource({
      // b, c, scipy.stats.binomtest(b, b + c, 0.5).pvalue, and with alternative='greater'
      "7, 1, 0.0703125, 0.03515625",
      "3, 12, 0.03515625, 0.996307373046875",
      "5, 5, 1.0, 0.623046875",
      "10, 0, 0.001953125, 0.0009765625",
      "0, 40, 1.8189894035458565e-12, 1.0",
      "1030, 970, 0.18706188977129473, 0.09353094488564737",
      "1003000, 997000, 2.2159931416445493e-05, 1.1079965708222746e-05",
  })
  void mcNemarMatchesScipysBinomialTest(long b, long c, double twoSided, double worse) {
    McNemarResult r = ExactTests.mcNemar(b, c);

    assertThat(r.twoSided()).isCloseTo(twoSided, withinPercentage(1e-5));
    assertThat(r.candidateWorse()).isCloseTo(worse, withinPercentage(1e-5));
  }

  @Test
  void mcNemarWithoutDiscordantPairsGivesNoEvidence() {
    assertThat(ExactTests.mcNemar(0, 0)).isEqualTo(new McNemarResult(0, 0, 1, 1));
  }

  @ParameterizedTest(name = "{0} of {1} at {2}")
  @CsvSource({
      // k, n, confidence, then scipy.stats.binomtest(k, n).proportion_ci(confidence_level=...,
      // method='wilson') low and high
      "0, 1000, 0.95, 0.0, 0.0038267584855551234",
      "3, 1000, 0.95, 0.0010207838811386186, 0.008783014053503173",
      "500, 1000, 0.95, 0.4690696003681042, 0.5309303996318958",
      "17, 250000, 0.95, 4.245828336751907e-05, 0.00010890522608850334",
      "17, 250000, 0.99, 3.676424954812024e-05, 0.0001257710232370488",
  })
  void wilsonIntervalMatchesScipy(long k, long n, double confidence, double low, double high) {
    Interval r = ExactTests.wilson(k, n, confidence);

    assertThat(r.estimate()).isEqualTo((double) k / n);
    assertThat(r.lower()).isCloseTo(low, within(1e-15));
    assertThat(r.upper()).isCloseTo(high, withinPercentage(1e-10));
  }

  @Test
  void rejectsImpossibleCounts() {
    assertThatThrownBy(() -> ExactTests.wilson(5, 3, 0.95))
        .hasMessage("events: 5, trials: 3 (expected: 0 <= events <= trials, trials > 0)");
    assertThatThrownBy(() -> ExactTests.wilson(1, 3, 1.5))
        .hasMessage("confidence: 1.5 (expected: 0..1 exclusive)");
    assertThatThrownBy(() -> ExactTests.fisher(1, -2, 3, 4))
        .hasMessage("table: [[1, -2], [3, 4]] (expected: counts >= 0)");
  }
}
