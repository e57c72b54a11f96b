package dev.replaytwin.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PeakRateTest {
  private static final long S = 1_000_000_000L;
  private static final long T0 = 1_795_255_200L * S;

  @Test
  void emptyHasNoPeak() {
    assertThat(new PeakRate().peak().count()).isZero();
  }

  @Test
  void findsTheBusiestOneSecondBucket() {
    PeakRate rate = new PeakRate();
    for (int s = 0; s < 100; s++) {
      rate.add(T0 + s * S);
    }
    for (int i = 0; i < 9; i++) {
      rate.add(T0 + 42 * S + i * 100_000_000L);
    }

    assertThat(rate.peak()).isEqualTo(new PeakRate.Peak(10, T0 / S + 42));
  }

  @Test
  void bucketsAreAlignedToWholeSecondsNotToTheFirstExchange() {
    PeakRate rate = new PeakRate();
    rate.add(T0 + 900_000_000L);
    rate.add(T0 + S + 100_000_000L);

    assertThat(rate.peak().count()).isEqualTo(1);
  }

  @Test
  void countsLateExchangesInsideTheWindow() {
    PeakRate rate = new PeakRate();
    rate.add(T0 + 5 * S);
    rate.add(T0 + 3000 * S);
    rate.add(T0 + 5 * S + 1);
    rate.add(T0 + 5 * S + 2);

    assertThat(rate.peak()).isEqualTo(new PeakRate.Peak(3, T0 / S + 5));
    assertThat(rate.outsideWindow()).isZero();
  }

  @Test
  void leavesOutExchangesOlderThanTheWindowAndCountsThem() {
    PeakRate rate = new PeakRate();
    rate.add(T0);
    rate.add(T0 + PeakRate.WINDOW_SECONDS * S);
    rate.add(T0 + 1);

    assertThat(rate.outsideWindow()).isEqualTo(1);
    assertThat(rate.peak().count()).isEqualTo(1);
  }

  @Test
  void keepsAPeakThatLeftTheWindowLongAgo() {
    PeakRate rate = new PeakRate();
    for (int i = 0; i < 7; i++) {
      rate.add(T0 + i);
    }
    for (int h = 1; h <= 48; h++) {
      rate.add(T0 + h * 3600L * S);
      rate.add(T0 + h * 3600L * S + 1);
    }

    assertThat(rate.peak()).isEqualTo(new PeakRate.Peak(7, T0 / S));
  }

  @Test
  void tieGoesToTheEarlierSecond() {
    PeakRate rate = new PeakRate();
    rate.add(T0 + 20 * S);
    rate.add(T0 + 20 * S);
    rate.add(T0 + 10 * S);
    rate.add(T0 + 10 * S);

    assertThat(rate.peak()).isEqualTo(new PeakRate.Peak(2, T0 / S + 10));
  }

  @Test
  void tieBetweenSettledAndOpenBucketsGoesToTheEarlierSecond() {
    PeakRate rate = new PeakRate();
    rate.add(T0);
    rate.add(T0);
    rate.add(T0 + 4000 * S);
    rate.add(T0 + 4000 * S);

    assertThat(rate.peak()).isEqualTo(new PeakRate.Peak(2, T0 / S));
  }
}
