package dev.replaytwin.compare.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DetectableChangeTest {
  @Test
  void floorIsTheFartherOfTheAaEstimateAndItsIntervalBounds() {
    PercentileShift aa = new PercentileShift(99, 50_000, 10_000, 10_100,
        new Interval(100, -300, 500), new Interval(1.01, 0.97, 1.05), 0.95, 1000);

    DetectableChange floor = DetectableChange.fromAa(aa);

    assertThat(floor.relative()).isCloseTo(0.05, within(1e-12));
    assertThat(floor.absolute()).isEqualTo(500);
    assertThat(floor.tailSamples()).isEqualTo(500);
    assertThat(floor.isResolvable()).isTrue();
  }

  @Test
  void observedAaDifferenceCountsEvenWhenItsIntervalIsNarrower() {
    PercentileShift aa = new PercentileShift(50, 1000, 1000, 1080,
        new Interval(80, 70, 90), new Interval(1.08, 1.07, 1.09), 0.95, 1000);

    assertThat(DetectableChange.fromAa(aa).relative()).isCloseTo(0.09, within(1e-12));
  }

  @Test
  void percentileWithTooFewRequestsBeyondItIsNotResolvable() {
    PercentileShift aa = new PercentileShift(99.9, 5000, 1, 1,
        new Interval(0, 0, 0), new Interval(1, 1, 1), 0.95, 1000);

    DetectableChange floor = DetectableChange.fromAa(aa);

    assertThat(floor.tailSamples()).isEqualTo(4);
    assertThat(floor.isResolvable()).isFalse();
  }

  @Test
  void rejectsNegativeFloors() {
    assertThatThrownBy(() -> new DetectableChange(99, 10, 0, -0.1, 0))
        .hasMessage("relative: -0.1, absolute: 0.0 (expected: both >= 0)");
  }
}
