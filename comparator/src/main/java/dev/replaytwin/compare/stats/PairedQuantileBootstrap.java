package dev.replaytwin.compare.stats;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Paired bootstrap confidence intervals for how a latency percentile differs between baseline and
 * candidate, over the same requests.
 *
 * <p>Resampling a million pairs a thousand times directly is too slow, so each pair is put into a
 * joint cell (the HdrHistogram bucket of its baseline latency, that of its candidate latency) at
 * {@code significantDigits} significant digits (default 2: buckets at most 1% wide, typically
 * 0.4-0.8%). Resamples draw multinomial counts over the cells (see {@link CellResampler}), which
 * keeps the pairing: a request slow on both targets stays slow on both. Each resample yields both
 * marginals' percentiles (as the bucket's highest value, like {@code getValueAtPercentile}), their
 * difference and their ratio; the intervals are the percentile method's. Point estimates are the
 * data's own percentiles at the same bucket resolution.
 *
 * <p>The random stream is seeded from a hash of the cells, the percentile, the resample count and
 * the confidence, so the same pairs always give the same intervals. Build one instance per endpoint
 * and ask it for each percentile: the cells are built once.
 *
 * <pre>{@code
 * PairedQuantileBootstrap bootstrap = new PairedQuantileBootstrap(baselineNanos, candidateNanos);
 * PercentileShift p99 = bootstrap.shift(99.0);
 * // "p99 grew by p99.difference().estimate() ns (95% CI lower..upper),
 * //  p99.relativeChange().estimate() * 100 % (CI ...)"
 * }</pre>
 */
public final class PairedQuantileBootstrap {
  /** Bucket precision when none is asked for. */
  public static final int DEFAULT_SIGNIFICANT_DIGITS = 2;

  private final LogLinearBuckets buckets;
  private final CellResampler resampler;
  private final long dataHash;

  /** Pairs {@code baseline[i]} with {@code candidate[i]}, at 2 significant digits. */
  public PairedQuantileBootstrap(long[] baseline, long[] candidate) {
    this(baseline, candidate, DEFAULT_SIGNIFICANT_DIGITS);
  }

  /**
   * Pairs {@code baseline[i]} with {@code candidate[i]} (latencies {@code >= 0}, equally many),
   * bucketed at {@code significantDigits} (1..4). Intervals cannot resolve changes finer than a
   * bucket (under 1% at 2 digits, 0.1% at 3); each extra digit multiplies the joint cells, and
   * the cost, by up to 10 in each direction.
   */
  public PairedQuantileBootstrap(long[] baseline, long[] candidate, int significantDigits) {
    this(cells(baseline, candidate, significantDigits));
  }

  /**
   * Resamples the pairs counted in {@code cells}, which the caller may count into no further: the
   * same intervals as from the pairs' arrays.
   *
   * @throws IllegalArgumentException when no pair was counted
   */
  public PairedQuantileBootstrap(PairedCells cells) {
    requireNonNull(cells, "cells");
    if (cells.pairs() == 0) {
      throw new IllegalArgumentException("cells: empty (expected: at least one pair)");
    }
    this.buckets = cells.buckets;
    CellCounts cellCounts = cells.counts;
    long[] keys = cellCounts.keys();
    Arrays.sort(keys);
    int n = keys.length;
    int[] a = new int[n];
    int[] b = new int[n];
    long[] counts = new long[n];
    SeedHash hash = new SeedHash().add(cells.significantDigits);
    for (int cell = 0; cell < n; cell++) {
      a[cell] = (int) (keys[cell] >>> 32);
      b[cell] = (int) keys[cell];
      counts[cell] = cellCounts.count(keys[cell]);
    }
    for (int c = 0; c < n; c++) {
      hash.add(a[c]).add(b[c]).add(counts[c]);
    }
    this.resampler = new CellResampler(new int[][] {a, b}, counts);
    this.dataHash = hash.seed();
  }

  private static PairedCells cells(long[] baseline, long[] candidate, int significantDigits) {
    requireNonNull(baseline, "baseline");
    requireNonNull(candidate, "candidate");
    if (baseline.length != candidate.length) {
      throw new IllegalArgumentException("candidate: " + candidate.length
          + " values (expected: as many as baseline, " + baseline.length + ")");
    }
    if (baseline.length == 0) {
      throw new IllegalArgumentException("baseline: empty (expected: at least one pair)");
    }
    // The joint cells are few (thousands), the pairs many: count them by hash, then order the cells.
    PairedCells cells = new PairedCells(significantDigits);
    for (int i = 0; i < baseline.length; i++) {
      cells.add(nonNegative(baseline, i), nonNegative(candidate, i));
    }
    return cells;
  }

  /** The percentile's shift with 95% intervals from 1000 resamples. */
  public PercentileShift shift(double percentile) {
    return shift(percentile, QuantileBootstrap.DEFAULT_RESAMPLES,
        QuantileBootstrap.DEFAULT_CONFIDENCE);
  }

  /**
   * The percentile's shift (percentile in {@code 0..100}, 0 exclusive) with percentile-method
   * intervals at {@code confidence} from {@code resamples} resamples.
   */
  public PercentileShift shift(double percentile, int resamples, double confidence) {
    BootstrapChecks.percentile(percentile);
    BootstrapChecks.resamples(resamples);
    BootstrapChecks.confidence(confidence);
    long pairs = resampler.total();
    long rank = CellResampler.rank(percentile, pairs);
    long seed = seed(percentile, resamples, confidence);
    int[][] drawn = resampler.resample(rank, resamples, new SplittableRandom(seed));
    double[] differences = new double[resamples];
    double[] ratios = new double[resamples];
    for (int r = 0; r < resamples; r++) {
      long base = buckets.highestValue(drawn[0][r]);
      long cand = buckets.highestValue(drawn[1][r]);
      differences[r] = cand - base;
      ratios[r] = ratio(cand, base);
    }
    Arrays.sort(differences);
    Arrays.sort(ratios);
    long base = buckets.highestValue(resampler.bucketAtRank(0, rank));
    long cand = buckets.highestValue(resampler.bucketAtRank(1, rank));
    double[] d = CellResampler.percentileBounds(differences, confidence);
    double[] q = CellResampler.percentileBounds(ratios, confidence);
    return new PercentileShift(percentile, pairs, base, cand,
        new Interval(cand - base, d[0], d[1]), new Interval(ratio(cand, base), q[0], q[1]),
        confidence, resamples);
  }

  private static long nonNegative(long[] latencies, int i) {
    if (latencies[i] < 0) {
      throw new IllegalArgumentException("latency[" + i + "]: " + latencies[i] + " (expected: >= 0)");
    }
    return latencies[i];
  }

  private static double ratio(long candidate, long baseline) {
    return (double) candidate / Math.max(baseline, 1);
  }

  /** The bootstrap's seed: a hash of the data and of the question asked of it. */
  long seed(double percentile, int resamples, double confidence) {
    return new SeedHash().add(dataHash).add(percentile).add(resamples).add(confidence).seed();
  }
}
