package dev.replaytwin.compare.stats;

import java.util.Arrays;

/** Counts of non-negative {@code long} keys, in an open-addressing table: no boxing, no per-key objects. */
final class CellCounts {
  private static final long EMPTY = -1;

  private long[] keys = newKeys(1 << 10);
  private long[] counts = new long[1 << 10];
  private int size;

  /** Counts one occurrence of {@code key} ({@code >= 0}). */
  void add(long key) {
    add(key, 1);
  }

  /** Counts {@code n} occurrences of {@code key} ({@code >= 0}). */
  void add(long key, long n) {
    int slot = find(key);
    if (keys[slot] == EMPTY) {
      keys[slot] = key;
      if (++size * 2 > keys.length) {
        grow();
        slot = find(key);
      }
    }
    counts[slot] += n;
  }

  /** Counts every key of {@code other} as often as it did. */
  void addAll(CellCounts other) {
    for (int i = 0; i < other.keys.length; i++) {
      if (other.keys[i] != EMPTY) {
        add(other.keys[i], other.counts[i]);
      }
    }
  }

  long count(long key) {
    int slot = find(key);
    return keys[slot] == EMPTY ? 0 : counts[slot];
  }

  /** The keys counted, in no particular order. */
  long[] keys() {
    long[] out = new long[size];
    int n = 0;
    for (long k : keys) {
      if (k != EMPTY) {
        out[n++] = k;
      }
    }
    return out;
  }

  private int find(long key) {
    int mask = keys.length - 1;
    long h = key * 0x9E3779B97F4A7C15L;
    int slot = (int) (h ^ (h >>> 32)) & mask;
    while (keys[slot] != EMPTY && keys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldCounts = counts;
    keys = newKeys(oldKeys.length * 2);
    counts = new long[oldKeys.length * 2];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        int slot = find(oldKeys[i]);
        keys[slot] = oldKeys[i];
        counts[slot] = oldCounts[i];
      }
    }
  }

  private static long[] newKeys(int n) {
    long[] k = new long[n];
    Arrays.fill(k, EMPTY);
    return k;
  }
}
