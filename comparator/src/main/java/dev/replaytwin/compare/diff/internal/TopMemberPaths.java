package dev.replaytwin.compare.diff.internal;

import java.util.Arrays;

/**
 * The paths of top-level members ({@code $.updatedAt}), by the bytes of their unescaped names, kept
 * from one document to the next on the thread that diffs them. Responses to one endpoint differ at
 * the same few members request after request; without this each difference spelled its path anew
 * (the name decoded, quoted if need be, joined), a fifth of the token walk's time. One per thread,
 * as walks run on several; a fixed number of slots, a newer name taking an older one's.
 */
final class TopMemberPaths {
  private static final int SLOTS = 64;
  /** Longer names are rare, and would only make the slots bigger. */
  private static final int MAX_NAME = 64;
  private static final ThreadLocal<TopMemberPaths> PER_THREAD = ThreadLocal.withInitial(TopMemberPaths::new);

  private final byte[][] names = new byte[SLOTS][];
  private final String[] paths = new String[SLOTS];

  private TopMemberPaths() {}

  /** This thread's paths. */
  static TopMemberPaths get() {
    return PER_THREAD.get();
  }

  /**
   * The path of top-level member name token {@code t} of {@code tokens}, which must be a name
   * without escapes.
   */
  String path(JsonTokens tokens, int t) {
    byte[] b = tokens.bytes;
    int from = tokens.from(t);
    int to = tokens.to(t);
    if (to - from > MAX_NAME) {
      return spell(tokens, t);
    }
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + b[i];
    }
    int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
    byte[] name = names[slot];
    if (name != null && Arrays.equals(name, 0, name.length, b, from, to)) {
      return paths[slot];
    }
    String path = spell(tokens, t);
    names[slot] = Arrays.copyOfRange(b, from, to);
    paths[slot] = path;
    return path;
  }

  private static String spell(JsonTokens tokens, int t) {
    StringBuilder path = new StringBuilder(16).append('$');
    PathText.appendMember(path, tokens.text(t));
    return path.toString();
  }
}
