package dev.replaytwin.compare.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StandardNormalTest {
  @ParameterizedTest(name = "sf({0})")
  @CsvSource({
      // z, scipy.stats.norm.sf(z)
      "-5, 0.9999997133484281",
      "-1.96, 0.9750021048517795",
      "-0.3, 0.6179114221889526",
      "0, 0.5",
      "0.7, 0.24196365222307303",
      "1.5, 0.06680720126885807",
      "3, 0.0013498980316300933",
      "8.5, 9.47953482220325e-18",
      "20, 2.7536241186061556e-89",
      "37, 5.7255712225239266e-300",
  })
  void upperTailMatchesScipyRelativelyEvenFarOut(double z, double expected) {
    assertThat(StandardNormal.sf(z)).isCloseTo(expected, withinPercentage(1e-9));
  }

  @Test
  void cdfIsTheMirroredUpperTail() {
    // scipy.stats.norm.cdf(-8.5) == norm.sf(8.5)
    assertThat(StandardNormal.cdf(-8.5)).isCloseTo(9.47953482220325e-18, withinPercentage(1e-9));
    assertThat(StandardNormal.cdf(40)).isEqualTo(1.0);
  }

  @ParameterizedTest(name = "ppf({0})")
  @CsvSource({
      // p, scipy.stats.norm.ppf(p)
      "1e-300, -37.0470962993612",
      "1e-20, -9.262340089798409",
      "1e-6, -4.753424308822899",
      "0.025, -1.9599639845400545",
      "0.3, -0.5244005127080409",
      "0.5, 0.0",
      "0.975, 1.959963984540054",
      "0.999999, 4.753424308817087",
  })
  void quantileMatchesScipy(double p, double expected) {
    assertThat(StandardNormal.quantile(p)).isCloseTo(expected, within(1e-12));
  }
}
