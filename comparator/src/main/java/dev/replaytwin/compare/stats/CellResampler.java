package dev.replaytwin.compare.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The bootstrap engine under {@link QuantileBootstrap} (one marginal) and
 * {@link PairedQuantileBootstrap} (two marginals): observations grouped into cells (one bucket per
 * marginal, and a count), resampled with replacement by drawing multinomial counts over the cells,
 * and the requested percentile of each marginal read from every resample.
 *
 * <p>Drawing over every cell costs O(cells) per resample, too much for the joint cells of a million
 * pairs. A resample's percentile depends only on how many draws fall below, inside and above a
 * window of buckets around it. So cells are first merged into units: a coordinate inside its
 * marginal's window (six standard deviations of the percentile's rank, plus 20) keeps its bucket,
 * one below or above collapses to "below" or "above". Counts are drawn over the few units. Only
 * when a resample's percentile lands outside its window (probability around 1e-9 per resample,
 * more for extreme percentiles of small samples) is every unit's count split over its cells by a
 * conditional multinomial, and the percentile read at full resolution. Hierarchical sampling, so
 * the result is exactly the multinomial bootstrap, just cheaper.
 */
final class CellResampler {
  private static final double WINDOW_SIGMAS = 6;
  private static final long WINDOW_SLACK = 20;

  private final int marginals;
  private final int[][] buckets;
  private final long[] counts;
  private final long total;
  private final int[][] cellOrder;
  private final double windowSigmas;
  private final long windowSlack;

  /**
   * @param buckets {@code buckets[m][cell]}: the bucket ({@code >= 0}, ordered like values) of each
   *     cell in marginal {@code m}
   * @param counts observations per cell, each {@code > 0}
   */
  CellResampler(int[][] buckets, long[] counts) {
    this(buckets, counts, WINDOW_SIGMAS, WINDOW_SLACK);
  }

  /** With a window of its own size: a narrow one sends most resamples down the exact fallback. */
  CellResampler(int[][] buckets, long[] counts, double windowSigmas, long windowSlack) {
    this.windowSigmas = windowSigmas;
    this.windowSlack = windowSlack;
    this.marginals = buckets.length;
    this.buckets = buckets;
    this.counts = counts;
    long sum = 0;
    for (long c : counts) {
      sum += c;
    }
    this.total = sum;
    this.cellOrder = new int[marginals][];
    for (int m = 0; m < marginals; m++) {
      cellOrder[m] = orderBy(buckets[m], counts.length);
    }
  }

  long total() {
    return total;
  }

  /**
   * The 1-based rank HdrHistogram's {@code getValueAtPercentile} reads: the smallest count reaching
   * the percentile, at least 1.
   */
  static long rank(double percentile, long total) {
    double below = Math.nextAfter(percentile, Double.NEGATIVE_INFINITY);
    double clamped = Math.min(Math.max(below, 0), 100);
    return Math.max(1, (long) Math.ceil(clamped * total / 100.0));
  }

  /** The bucket holding rank {@code rank} of marginal {@code m} in the data itself. */
  int bucketAtRank(int m, long rank) {
    long cumulative = 0;
    for (int cell : cellOrder[m]) {
      cumulative += counts[cell];
      if (cumulative >= rank) {
        return buckets[m][cell];
      }
    }
    throw new IllegalStateException("rank " + rank + " beyond " + total);
  }

  /** {@code result[m][r]}: the bucket holding {@code rank} in marginal m of resample r. */
  int[][] resample(long rank, int resamples, SplittableRandom random) {
    Units units = new Units(rank);
    int[][] result = new int[marginals][resamples];
    long[] unitDraws = new long[units.weights.length];
    long[] cellDraws = new long[counts.length];
    int[] allUnits = identity(unitDraws.length);
    for (int r = 0; r < resamples; r++) {
      Arrays.fill(unitDraws, 0);
      Multinomial.draw(random, total, units.weights, allUnits, 0, allUnits.length, total,
          unitDraws);
      boolean inWindows = true;
      for (int m = 0; m < marginals && inWindows; m++) {
        int bucket = units.windowBucketAtRank(m, rank, unitDraws);
        inWindows = bucket >= 0;
        result[m][r] = bucket;
      }
      if (!inWindows) {
        Arrays.fill(cellDraws, 0);
        for (int u = 0; u < unitDraws.length; u++) {
          if (unitDraws[u] > 0) {
            Multinomial.draw(random, unitDraws[u], counts, units.members, units.start[u],
                units.start[u + 1], units.weights[u], cellDraws);
          }
        }
        for (int m = 0; m < marginals; m++) {
          result[m][r] = bucketAtRank(m, rank, cellDraws);
        }
      }
    }
    return result;
  }

  private int bucketAtRank(int m, long rank, long[] cellDraws) {
    long cumulative = 0;
    for (int cell : cellOrder[m]) {
      cumulative += cellDraws[cell];
      if (cumulative >= rank) {
        return buckets[m][cell];
      }
    }
    throw new IllegalStateException("rank " + rank + " beyond the resample");
  }

  /**
   * Cells merged by their windowed coordinates. Units are ordered by key, so the all-below unit,
   * which carries most of the weight, is drawn first and the chain of binomials ends early.
   */
  private final class Units {
    final long[] weights;
    final int[] members;
    final int[] start;
    final int[][] component;
    final int[][] order;
    final int[] windowLow;
    final int[] windowWidth;

    Units(long rank) {
      double fraction = (double) rank / total;
      double rankSd = Math.sqrt(total * fraction * (1 - fraction));
      long halfWidth = (long) Math.ceil(windowSigmas * rankSd) + windowSlack;
      windowLow = new int[marginals];
      windowWidth = new int[marginals];
      for (int m = 0; m < marginals; m++) {
        windowLow[m] = bucketAtRank(m, Math.max(1, rank - halfWidth));
        windowWidth[m] = bucketAtRank(m, Math.min(total, rank + halfWidth)) - windowLow[m] + 1;
      }
      int cells = counts.length;
      // Component 0 is "below the window", 1..width the window's buckets, width + 1 "above".
      long[] keyed = new long[cells];
      long radix = 1;
      long[] place = new long[marginals];
      for (int m = marginals - 1; m >= 0; m--) {
        place[m] = radix;
        radix = Math.multiplyExact(radix, windowWidth[m] + 2L);
      }
      int cellBits = 64 - Long.numberOfLeadingZeros(Math.max(1, cells - 1));
      int keyBits = 64 - Long.numberOfLeadingZeros(radix - 1);
      if (cellBits + keyBits > 63) {
        throw new IllegalStateException("too many cells to resample: " + cells);
      }
      for (int cell = 0; cell < cells; cell++) {
        long key = 0;
        for (int m = 0; m < marginals; m++) {
          key += componentOf(m, buckets[m][cell]) * place[m];
        }
        keyed[cell] = (key << cellBits) | cell;
      }
      Arrays.sort(keyed);
      members = new int[cells];
      int[] startScratch = new int[cells + 1];
      long[] unitKeys = new long[cells];
      int unitCount = 0;
      long previous = -1;
      for (int i = 0; i < cells; i++) {
        long key = keyed[i] >>> cellBits;
        members[i] = (int) (keyed[i] & ((1L << cellBits) - 1));
        if (key != previous) {
          startScratch[unitCount] = i;
          unitKeys[unitCount++] = key;
          previous = key;
        }
      }
      startScratch[unitCount] = cells;
      start = Arrays.copyOf(startScratch, unitCount + 1);
      weights = new long[unitCount];
      component = new int[marginals][unitCount];
      for (int u = 0; u < unitCount; u++) {
        for (int i = start[u]; i < start[u + 1]; i++) {
          weights[u] += counts[members[i]];
        }
        for (int m = 0; m < marginals; m++) {
          component[m][u] = (int) ((unitKeys[u] / place[m]) % (windowWidth[m] + 2L));
        }
      }
      order = new int[marginals][];
      for (int m = 0; m < marginals; m++) {
        order[m] = orderBy(component[m], unitCount);
      }
    }

    private long componentOf(int m, int bucket) {
      if (bucket < windowLow[m]) {
        return 0;
      }
      int inside = bucket - windowLow[m];
      return inside < windowWidth[m] ? inside + 1 : windowWidth[m] + 1;
    }

    /** The bucket of {@code rank} in marginal m, or -1 when it falls outside the window. */
    int windowBucketAtRank(int m, long rank, long[] unitDraws) {
      long cumulative = 0;
      for (int u : order[m]) {
        cumulative += unitDraws[u];
        if (cumulative >= rank) {
          int c = component[m][u];
          return c == 0 || c == windowWidth[m] + 1 ? -1 : windowLow[m] + c - 1;
        }
      }
      return -1;
    }
  }

  /**
   * The percentile-method bounds of sorted bootstrap replicates: the k-th smallest and k-th largest
   * with {@code k = max(1, floor((B + 1)(1 - confidence) / 2))}, symmetric in rank (the 25th and
   * 976th of 1000 at 95%).
   */
  static double[] percentileBounds(double[] sortedReplicates, double confidence) {
    int b = sortedReplicates.length;
    int k = (int) Math.max(1, Math.floor((b + 1) * (1 - confidence) / 2));
    k = Math.min(k, (b + 1) / 2);
    return new double[] {sortedReplicates[k - 1], sortedReplicates[b - k]};
  }

  /** Indices {@code 0..n)} sorted by {@code key[i]} (non-negative), ties by index. */
  private static int[] orderBy(int[] key, int n) {
    long[] packed = new long[n];
    for (int i = 0; i < n; i++) {
      packed[i] = ((long) key[i] << 32) | i;
    }
    Arrays.sort(packed);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = (int) packed[i];
    }
    return order;
  }

  private static int[] identity(int n) {
    int[] cells = new int[n];
    for (int i = 0; i < n; i++) {
      cells[i] = i;
    }
    return cells;
  }
}
