package dev.replaytwin.replay;

/**
 * The share of a replay one replayer sends: the sessions (or, without sessions, the requests) whose
 * key hashes to {@code index} modulo {@code count}. N replayers started with shards 0/N..N-1/N and
 * the same {@code --start-at} together send exactly what one replayer would.
 */
public record Shard(int index, int count) {
  public static final Shard WHOLE = new Shard(0, 1);

  public Shard {
    if (count < 1 || index < 0 || index >= count) {
      throw new IllegalArgumentException("shard: " + index + "/" + count + " (expected: i/N with 0 <= i < N, e.g. 0/3)");
    }
  }

  /** Parses {@code i/N}. */
  public static Shard parse(String text) {
    int slash = text.indexOf('/');
    try {
      if (slash > 0) {
        return new Shard(Integer.parseInt(text.substring(0, slash).trim()),
            Integer.parseInt(text.substring(slash + 1).trim()));
      }
    } catch (NumberFormatException e) {
      // Reported below with the expected form.
    }
    throw new IllegalArgumentException("shard: \"" + text + "\" (expected: i/N with 0 <= i < N, e.g. 0/3)");
  }

  /** Whether a key's 64-bit hash belongs to this shard. */
  public boolean owns(long hash) {
    return Long.remainderUnsigned(hash, count) == index;
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
