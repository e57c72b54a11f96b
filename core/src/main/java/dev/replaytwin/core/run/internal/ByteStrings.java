package dev.replaytwin.core.run.internal;

import dev.replaytwin.core.Nullable;
import java.util.Arrays;

/**
 * Values decoded from short byte spans that repeat row after row (endpoint names, methods, content
 * types, header lists), so that each is decoded once rather than once a row. Direct-mapped: a span
 * whose slot another span took is decoded again. Not thread-safe.
 */
final class ByteStrings<T> {
  private final int maxLength;
  private final byte[][] keys;
  private final Object[] values;

  /**
   * @param slots a power of two
   * @param maxLength longer spans are not kept
   */
  ByteStrings(int slots, int maxLength) {
    this.maxLength = maxLength;
    this.keys = new byte[slots][];
    this.values = new Object[slots];
  }

  /** True when spans this long are kept. */
  boolean keeps(int length) {
    return length <= maxLength;
  }

  static int hash(byte[] b, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + b[i];
    }
    return h ^ (h >>> 16);
  }

  /** The value kept for {@code b[from, to)} with hash {@code hash}, or null. */
  @SuppressWarnings("unchecked")
  @Nullable T get(byte[] b, int from, int to, int hash) {
    int slot = hash & (keys.length - 1);
    byte[] key = keys[slot];
    return key != null && Arrays.equals(key, 0, key.length, b, from, to) ? (T) values[slot] : null;
  }

  void put(byte[] b, int from, int to, int hash, T value) {
    int slot = hash & (keys.length - 1);
    keys[slot] = Arrays.copyOfRange(b, from, to);
    values[slot] = value;
  }
}
