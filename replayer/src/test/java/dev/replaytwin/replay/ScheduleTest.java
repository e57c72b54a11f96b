package dev.replaytwin.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ScheduleTest {
  private static final long T = 1_763_700_000_000_000_000L;

  @ParameterizedTest
  @ValueSource(doubles = {0.5, 1, 4})
  void scaledTimesFollowTheCapturedSpacingDividedBySpeed(double speed) {
    long[] captured = {T, T + 10_000_000, T + 10_000_001, T + 2_000_000_000L, T + 3_600_000_000_000L};
    Schedule schedule = Schedule.of(new Pacing.Scaled(speed), T);

    List<Long> due = new ArrayList<>();
    for (long c : captured) {
      due.add(schedule.next(c));
    }

    for (int i = 0; i < captured.length; i++) {
      assertThat((double) due.get(i)).isCloseTo((captured[i] - T) / speed, within(0.5));
    }
    assertThat(schedule.count()).isEqualTo(captured.length);
  }

  @Test
  void scaledTimeOfARequestCapturedBeforeTheFirstIsNow() {
    Schedule schedule = Schedule.of(new Pacing.Scaled(1), T);

    assertThat(schedule.next(T - 5_000)).isZero();
    assertThat(schedule.next(T + 5_000)).isEqualTo(5_000);
  }

  @Test
  void evenTimesComeFromTheIndexSoTheyDoNotDrift() {
    Schedule schedule = Schedule.of(new Pacing.Even(3), T);

    assertThat(schedule.next(T)).isZero();
    assertThat(schedule.next(T)).isEqualTo(333_333_333L);
    assertThat(schedule.next(T)).isEqualTo(666_666_667L);
    assertThat(schedule.next(T)).isEqualTo(1_000_000_000L);
    for (int i = 4; i < 3_000_000; i++) {
      schedule.next(T);
    }
    assertThat(schedule.next(T)).as("the 3,000,001st request of 3/s").isEqualTo(1_000_000_000_000_000L);
  }

  @Test
  void poissonGapsAverageTheRateAndRepeatForASeed() {
    Schedule a = Schedule.of(new Pacing.Poisson(1000, 42), T);
    Schedule b = Schedule.of(new Pacing.Poisson(1000, 42), T);
    Schedule other = Schedule.of(new Pacing.Poisson(1000, 43), T);
    int n = 200_000;
    long previous = -1;
    long last = 0;
    boolean differs = false;
    for (int i = 0; i < n; i++) {
      long due = a.next(T);
      assertThat(due).isGreaterThanOrEqualTo(previous);
      assertThat(b.next(T)).isEqualTo(due);
      differs |= other.next(T) != due;
      previous = due;
      last = due;
    }
    assertThat(last / 1e9 / (n - 1)).as("mean gap in seconds").isCloseTo(0.001, within(0.00002));
    assertThat(differs).isTrue();
  }

  @Test
  void refusesMaxWhichHasNoIntendedTimes() {
    assertThat(new Pacing.Max().openLoop()).isFalse();
    assertThatThrownBy(() -> Schedule.of(new Pacing.Max(), T))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pacing: Max is closed-loop and has no schedule");
  }
}
