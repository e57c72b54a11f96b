package dev.replaytwin.compare.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MultipleTestingTest {
  private static final double[] P = {0.01, 0.04, 0.03, 0.2, 0.0001, 0.5, 0.049, 0.9, 0.04};

  @Test
  void benjaminiHochbergMatchesScipyInInputOrder() {
    // scipy.stats.false_discovery_control(P, method='bh')
    double[] expected = {0.045, 0.072, 0.072, 0.2571428571428572, 0.0009, 0.5625, 0.0735, 0.9,
        0.072};

    assertThat(MultipleTesting.benjaminiHochberg(P)).containsExactly(expected, within(1e-15));
  }

  @Test
  void holmMatchesTheStepDownByHand() {
    // By hand in numpy: o = argsort(P, kind='stable'); running max of min(1, (m - r) * P[o[r]])
    double[] expected = {0.08, 0.24, 0.21, 0.6, 0.0009, 1.0, 0.24, 1.0, 0.24};

    assertThat(MultipleTesting.holm(P)).containsExactly(expected, within(1e-15));
  }

  @Test
  void adjustedValuesAreMonotoneInTheRawOnesAndCappedAtOne() {
    double[] p = {0.9, 0.95, 0.99, 0.991, 0.5};
    double[] bh = MultipleTesting.benjaminiHochberg(p);
    double[] holm = MultipleTesting.holm(p);

    for (int i = 0; i < p.length; i++) {
      assertThat(bh[i]).isBetween(p[i], 1.0);
      assertThat(holm[i]).isBetween(bh[i], 1.0);
      for (int j = 0; j < p.length; j++) {
        if (p[i] <= p[j]) {
          assertThat(bh[i]).isLessThanOrEqualTo(bh[j]);
          assertThat(holm[i]).isLessThanOrEqualTo(holm[j]);
        }
      }
    }
  }

  @Test
  void rejectsThoseAtOrBelowTheLevel() {
    boolean[] rejected = MultipleTesting.rejected(MultipleTesting.benjaminiHochberg(P), 0.05);

    assertThat(rejected).containsExactly(true, false, false, false, true, false, false, false,
        false);
    assertThat(MultipleTesting.rejected(MultipleTesting.holm(P), 0.05))
        .containsExactly(false, false, false, false, true, false, false, false, false);
  }

  @Test
  void rejectsValuesThatAreNotProbabilities() {
    assertThatThrownBy(() -> MultipleTesting.holm(new double[] {0.1, 1.5}))
        .hasMessage("pValues[1]: 1.5 (expected: 0..1)");
    assertThatThrownBy(() -> MultipleTesting.rejected(new double[] {0.1}, 0))
        .hasMessage("level: 0.0 (expected: 0..1 exclusive)");
  }
}
