package dev.replaytwin.compare.stats;

import static java.util.Objects.requireNonNull;

/**
 * Latency pairs counted into the joint cells {@link PairedQuantileBootstrap} resamples (the bucket
 * of the baseline's latency, that of the candidate's), as the pairs arrive: one hash update per pair
 * on the caller's hot loop, instead of a pass over every pair, on code not yet compiled, once the
 * run is read. Cells of parts add up to the cells of the whole ({@link #addAll}), exactly. Not
 * thread-safe.
 *
 * <pre>{@code
 * PairedCells cells = new PairedCells();
 * for (Pair p : pairs) {
 *   cells.add(p.baselineNanos(), p.candidateNanos());
 * }
 * PercentileShift p99 = new PairedQuantileBootstrap(cells).shift(99);
 * }</pre>
 */
public final class PairedCells {
  final int significantDigits;
  final LogLinearBuckets buckets;
  final CellCounts counts = new CellCounts();
  private long pairs;

  /** Cells at {@link PairedQuantileBootstrap#DEFAULT_SIGNIFICANT_DIGITS}. */
  public PairedCells() {
    this(PairedQuantileBootstrap.DEFAULT_SIGNIFICANT_DIGITS);
  }

  /** Cells at {@code significantDigits} (1..4): see {@link PairedQuantileBootstrap}. */
  public PairedCells(int significantDigits) {
    this.significantDigits = significantDigits;
    this.buckets = new LogLinearBuckets(significantDigits);
  }

  /**
   * Counts one pair.
   *
   * @throws IllegalArgumentException when a latency is negative
   */
  public void add(long baselineNanos, long candidateNanos) {
    counts.add(((long) bucketOf(baselineNanos, "baseline") << 32) | bucketOf(candidateNanos, "candidate"));
    pairs++;
  }

  /**
   * Counts {@code other}'s pairs too.
   *
   * @throws IllegalArgumentException when {@code other} has other buckets
   */
  public void addAll(PairedCells other) {
    requireNonNull(other, "other");
    if (other.significantDigits != significantDigits) {
      throw new IllegalArgumentException("other: " + other.significantDigits + " significant digits (expected: "
          + significantDigits + ")");
    }
    counts.addAll(other.counts);
    pairs += other.pairs;
  }

  /** The pairs counted. */
  public long pairs() {
    return pairs;
  }

  private int bucketOf(long value, String side) {
    if (value < 0) {
      throw new IllegalArgumentException(side + " latency: " + value + " (expected: >= 0)");
    }
    return buckets.index(value);
  }
}
