package dev.replaytwin.compare.stats;

import java.util.Arrays;

/**
 * Sorts {@code long[]} into the order {@link Arrays#sort(long[])} gives, by least-significant-digit
 * radix sort when the array is large: a million latencies in a few passes over memory instead of a
 * million comparisons' worth of branches. Only the digits the values' range needs are sorted on.
 */
public final class LongSort {
  private static final int SMALL = 1 << 12;
  private static final int DIGIT_BITS = 11;
  private static final int DIGIT_MASK = (1 << DIGIT_BITS) - 1;

  private LongSort() {}

  public static void sort(long[] values) {
    int n = values.length;
    if (n < SMALL) {
      Arrays.sort(values);
      return;
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (long v : values) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    long range = max - min;
    if (range < 0) {
      Arrays.sort(values); // the range overflows a long
      return;
    }
    int bits = 64 - Long.numberOfLeadingZeros(range);
    long[] from = values;
    long[] to = new long[n];
    int[] counts = new int[1 << DIGIT_BITS];
    for (int shift = 0; shift < bits; shift += DIGIT_BITS) {
      Arrays.fill(counts, 0);
      for (long v : from) {
        counts[(int) ((v - min) >>> shift) & DIGIT_MASK]++;
      }
      int total = 0;
      for (int d = 0; d < counts.length; d++) {
        int c = counts[d];
        counts[d] = total;
        total += c;
      }
      for (long v : from) {
        to[counts[(int) ((v - min) >>> shift) & DIGIT_MASK]++] = v;
      }
      long[] swap = from;
      from = to;
      to = swap;
    }
    if (from != values) {
      System.arraycopy(from, 0, values, 0, n);
    }
  }
}
