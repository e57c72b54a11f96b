package dev.replaytwin.compare.stats;

/**
 * Derives a bootstrap seed from the data itself, so the same inputs always give the same
 * intervals. Order-sensitive multiply-add over 64-bit words, finished with MurmurHash3's fmix64.
 */
final class SeedHash {
  private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;

  private long state = 0x5EED_1DEA_2024L;

  SeedHash add(long word) {
    state = (state + word) * MULTIPLIER;
    state ^= state >>> 29;
    return this;
  }

  SeedHash add(double word) {
    return add(Double.doubleToLongBits(word));
  }

  long seed() {
    long h = state;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
