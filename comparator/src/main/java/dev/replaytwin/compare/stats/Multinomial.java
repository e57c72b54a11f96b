package dev.replaytwin.compare.stats;

import java.util.SplittableRandom;

/**
 * Draws multinomial counts as a chain of conditional binomials: cell {@code i} gets
 * Binomial(draws left, weight of i / weight left). Exact in distribution, and it stops as soon as
 * no draws are left, so heavy cells placed first make it cheap.
 */
final class Multinomial {
  private Multinomial() {}

  /**
   * Distributes {@code draws} over the cells {@code cells[from..to)}, with probability proportional
   * to {@code weights[cell]}, adding each cell's count into {@code out[cell]} (which the caller has
   * zeroed). {@code weightSum} is the sum of those weights.
   */
  static void draw(SplittableRandom random, long draws, long[] weights, int[] cells, int from,
      int to, long weightSum, long[] out) {
    long left = draws;
    long weightLeft = weightSum;
    for (int i = from; i < to && left > 0; i++) {
      int cell = cells[i];
      long weight = weights[cell];
      long x = weight >= weightLeft ? left
          : BinomialSampler.sample(random, left, (double) weight / weightLeft);
      out[cell] += x;
      left -= x;
      weightLeft -= weight;
    }
  }

  /** As {@link #draw}, over all cells {@code 0..weights.length) in index order. */
  static void draw(SplittableRandom random, long draws, long[] weights, long weightSum,
      long[] out) {
    long left = draws;
    long weightLeft = weightSum;
    for (int cell = 0; cell < weights.length && left > 0; cell++) {
      long weight = weights[cell];
      long x = weight >= weightLeft ? left
          : BinomialSampler.sample(random, left, (double) weight / weightLeft);
      out[cell] += x;
      left -= x;
      weightLeft -= weight;
    }
  }
}
