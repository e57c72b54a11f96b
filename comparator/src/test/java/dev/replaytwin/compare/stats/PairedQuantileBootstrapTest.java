package dev.replaytwin.compare.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class PairedQuantileBootstrapTest {
  private static final int PAIRS = 100_000;

  /**
   * Latencies of the same requests on two targets: a per-request cost shared by both (log-normal,
   * median 2 ms) times each target's own jitter (log-normal, 10%), the candidate's scaled.
   */
  private static long[][] pairs(int n, double candidateScale, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long[][] latencies = new long[2][n];
    for (int i = 0; i < n; i++) {
      double cost = Math.exp(Math.log(2e6) + 0.6 * random.nextGaussian());
      latencies[0][i] = (long) (cost * Math.exp(0.1 * random.nextGaussian()));
      latencies[1][i] = (long) (cost * Math.exp(0.1 * random.nextGaussian()) * candidateScale);
    }
    return latencies;
  }

  @Test
  void detectsThirtyPercentSlowerP99() {
    long[][] latencies = pairs(PAIRS, 1.3, 11);

    PercentileShift p99 = new PairedQuantileBootstrap(latencies[0], latencies[1]).shift(99);

    assertThat(p99.difference().lower()).isGreaterThan(0);
    assertThat(p99.ratio().lower()).isGreaterThan(1.2);
    assertThat(p99.ratio().upper()).isLessThan(1.4);
    assertThat(p99.relativeChange().estimate()).isBetween(0.25, 0.35);
    assertThat(p99.difference().estimate()).isEqualTo(p99.candidate() - p99.baseline());
  }

  @Test
  void identicallyDistributedTargetsGiveIntervalsContainingNoChange() {
    long[][] latencies = pairs(PAIRS, 1.0, 12);
    PairedQuantileBootstrap bootstrap = new PairedQuantileBootstrap(latencies[0], latencies[1]);

    for (double percentile : new double[] {50, 90, 99}) {
      PercentileShift shift = bootstrap.shift(percentile);
      assertThat(shift.difference().contains(0)).as("p%s difference", percentile).isTrue();
      assertThat(shift.ratio().contains(1)).as("p%s ratio", percentile).isTrue();
      assertThat(shift.ratio().halfWidth()).isLessThan(0.05);
    }
  }

  @Test
  void pointEstimatesAreEachTargetsPercentileAtTwoSignificantDigits() {
    long[][] latencies = pairs(20_000, 1.1, 13);
    Histogram baseline = new Histogram(2);
    Histogram candidate = new Histogram(2);
    for (int i = 0; i < latencies[0].length; i++) {
      baseline.recordValue(latencies[0][i]);
      candidate.recordValue(latencies[1][i]);
    }
    PairedQuantileBootstrap bootstrap = new PairedQuantileBootstrap(latencies[0], latencies[1]);

    for (double percentile : new double[] {50, 90, 99, 99.9, 100}) {
      PercentileShift shift = bootstrap.shift(percentile, 20, 0.95);
      assertThat(shift.baseline()).isEqualTo(baseline.getValueAtPercentile(percentile));
      assertThat(shift.candidate()).isEqualTo(candidate.getValueAtPercentile(percentile));
    }
  }

  @Test
  void samePairsInAnyOrderGiveTheSameIntervals() {
    long[][] latencies = pairs(10_000, 1.05, 14);
    long[][] reversed = new long[2][10_000];
    for (int i = 0; i < 10_000; i++) {
      reversed[0][i] = latencies[0][9_999 - i];
      reversed[1][i] = latencies[1][9_999 - i];
    }

    PercentileShift shift = new PairedQuantileBootstrap(latencies[0], latencies[1]).shift(90);

    assertThat(new PairedQuantileBootstrap(reversed[0], reversed[1]).shift(90)).isEqualTo(shift);
  }

  @Test
  void seedDependsOnThePairingNotJustTheMarginals() {
    long[][] latencies = pairs(10_000, 1.0, 15);
    long[] shuffledCandidate = latencies[1].clone();
    // Same candidate values, paired with other requests: the marginals are unchanged.
    long first = shuffledCandidate[0];
    System.arraycopy(shuffledCandidate, 1, shuffledCandidate, 0, shuffledCandidate.length - 1);
    shuffledCandidate[shuffledCandidate.length - 1] = first;

    long seed = new PairedQuantileBootstrap(latencies[0], latencies[1]).seed(99, 1000, 0.95);

    assertThat(new PairedQuantileBootstrap(latencies[0], shuffledCandidate).seed(99, 1000, 0.95))
        .isNotEqualTo(seed);
  }

  @Test
  void rejectsUnpairedOrNegativeLatencies() {
    assertThatThrownBy(() -> new PairedQuantileBootstrap(new long[] {1, 2}, new long[] {1}))
        .hasMessage("candidate: 1 values (expected: as many as baseline, 2)");
    assertThatThrownBy(() -> new PairedQuantileBootstrap(new long[] {1, 2}, new long[] {1, -3}))
        .hasMessage("latency[1]: -3 (expected: >= 0)");
    assertThatThrownBy(() -> new PairedQuantileBootstrap(new long[0], new long[0]))
        .hasMessage("baseline: empty (expected: at least one pair)");
  }

  @Test
  void cellsCountedInPartsGiveTheIntervalsOfTheWhole() {
    long[][] latencies = pairs(30_000, 1.2, 16);
    // Three parts, as a run's endpoints are; added up, as the pooled (all) is.
    PairedCells[] parts = {new PairedCells(), new PairedCells(), new PairedCells()};
    for (int i = 0; i < latencies[0].length; i++) {
      parts[i % 3].add(latencies[0][i], latencies[1][i]);
    }
    PairedCells whole = new PairedCells();
    for (PairedCells part : parts) {
      whole.addAll(part);
    }
    PairedQuantileBootstrap fromArrays = new PairedQuantileBootstrap(latencies[0], latencies[1]);

    assertThat(whole.pairs()).isEqualTo(latencies[0].length);
    PairedQuantileBootstrap fromCells = new PairedQuantileBootstrap(whole);
    for (double percentile : new double[] {50, 99, 99.9}) {
      assertThat(fromCells.shift(percentile)).as("p%s", percentile).isEqualTo(fromArrays.shift(percentile));
    }
    assertThat(new PairedQuantileBootstrap(parts[0]).shift(99)).isNotEqualTo(fromArrays.shift(99));
  }

  @Test
  void rejectsEmptyNegativeOrMismatchedCells() {
    PairedCells cells = new PairedCells();

    assertThatThrownBy(() -> new PairedQuantileBootstrap(cells))
        .hasMessage("cells: empty (expected: at least one pair)");
    assertThatThrownBy(() -> cells.add(5, -1)).hasMessage("candidate latency: -1 (expected: >= 0)");
    assertThatThrownBy(() -> cells.addAll(new PairedCells(3)))
        .hasMessage("other: 3 significant digits (expected: 2)");
  }
}
