package dev.replaytwin.core.scrub.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The most recently used pseudonyms of one thread, so values that recur (a client's address, the
 * proxy's own address in every connection id, a session's e-mail) are not derived again. Bounded
 * and least-recently-used first out; it holds no more personal data than the exchanges being
 * scrubbed. Not thread-safe: one per thread.
 */
final class PseudonymCache {
  /** What a value was pseudonymised as: a detector's kind, or a whole value or a number. */
  record Key(int kind, String value) {}

  static final int WHOLE_VALUE = -1;
  static final int NUMBER = -2;
  private static final int CAPACITY = 2048;

  private final Map<Key, String> entries = new LinkedHashMap<>(256, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, String> eldest) {
      return size() > CAPACITY;
    }
  };

  String get(int kind, String value, Supplier<String> derive) {
    Key key = new Key(kind, value);
    String known = entries.get(key);
    if (known == null) {
      known = derive.get();
      entries.put(key, known);
    }
    return known;
  }
}
