package dev.replaytwin.compare.stats;

/**
 * HdrHistogram's value bucketing (unit resolution 1, no upper bound) as dense {@code int} indices,
 * so that a pair of buckets packs into one {@code long}. At {@code d} significant digits a bucket
 * is at most {@code 1 / 10^d} of its value wide (0.4-0.8% at 2 digits), and bucket boundaries are
 * exactly those of {@code new Histogram(d)}.
 */
final class LogLinearBuckets {
  private final int subBucketCount;
  private final int halfCount;
  private final int halfCountMagnitude;

  LogLinearBuckets(int significantDigits) {
    if (significantDigits < 1 || significantDigits > 4) {
      throw new IllegalArgumentException(
          "significantDigits: " + significantDigits + " (expected: 1..4)");
    }
    long singleUnitLimit = 2 * (long) Math.pow(10, significantDigits);
    int magnitude = 64 - Long.numberOfLeadingZeros(singleUnitLimit - 1);
    this.subBucketCount = 1 << magnitude;
    this.halfCount = subBucketCount / 2;
    this.halfCountMagnitude = magnitude - 1;
  }

  /** The bucket of a value {@code >= 0}. */
  int index(long value) {
    if (value < subBucketCount) {
      return (int) value;
    }
    int shift = (63 - Long.numberOfLeadingZeros(value)) - halfCountMagnitude;
    int sub = (int) (value >>> shift);
    return shift * halfCount + sub;
  }

  /** The smallest value in bucket {@code index}. */
  long lowestValue(int index) {
    if (index < subBucketCount) {
      return index;
    }
    int shift = (index - halfCount) / halfCount;
    long sub = index - (long) shift * halfCount;
    return sub << shift;
  }

  /** The largest value in bucket {@code index}, the one {@code getValueAtPercentile} reports. */
  long highestValue(int index) {
    if (index < subBucketCount) {
      return index;
    }
    int shift = (index - halfCount) / halfCount;
    return lowestValue(index) + (1L << shift) - 1;
  }
}
