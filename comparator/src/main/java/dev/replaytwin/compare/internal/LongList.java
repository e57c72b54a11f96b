package dev.replaytwin.compare.internal;

import java.util.Arrays;

/** A growable array of longs: a million latencies in 8 MB, not 24 MB of boxed values. */
final class LongList {
  private long[] values = new long[64];
  private int size;

  void add(long v) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = v;
  }

  int size() {
    return size;
  }

  long[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
