package dev.replaytwin.core.scrub.internal;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Follows every JSON rule's path at once while a document is walked, like an NFA. Each rule
 * {@code r} of {@code n} steps owns positions {@code base[r] .. base[r] + n} ("so many steps
 * matched"); a set of states is a bitset over all positions. Which member steps a name matches is
 * worked out once per name and memoised (documents repeat their member names), so a step down the
 * tree costs a hash look-up and a few bit operations. Immutable apart from the memo; thread-safe.
 */
final class JsonRuleMatcher {
  private static final int MEMO_LIMIT = 4096;

  private final int words;
  /** Per position: the step starting there, or null at a rule's end. */
  private final JsonPath.Step[] stepAt;
  /** Per position: the positions reached from it without consuming a level (itself and past any-depth steps). */
  private final long[][] closure;
  /** The end positions, lowest rule first. */
  private final long[] ends;
  private final long[] start;
  private final ConcurrentHashMap<String, long[]> memberMatches = new ConcurrentHashMap<>();

  JsonRuleMatcher(List<JsonRule> rules) {
    int positions = 0;
    for (JsonRule rule : rules) {
      positions += rule.path().steps().size() + 1;
    }
    this.words = Math.max(1, (positions + 63) >>> 6);
    this.stepAt = new JsonPath.Step[positions];
    this.closure = new long[positions][];
    this.ends = new long[words];
    int base = 0;
    for (JsonRule rule : rules) {
      List<JsonPath.Step> steps = rule.path().steps();
      for (int i = 0; i < steps.size(); i++) {
        stepAt[base + i] = steps.get(i);
      }
      set(ends, base + steps.size());
      base += steps.size() + 1;
    }
    for (int p = positions - 1; p >= 0; p--) {
      closure[p] = new long[words];
      set(closure[p], p);
      if (stepAt[p] instanceof JsonPath.AnyDepth) {
        or(closure[p], closure[p + 1]);
      }
    }
    this.start = new long[words];
    base = 0;
    for (JsonRule rule : rules) {
      or(start, closure[base]);
      base += rule.path().steps().size() + 1;
    }
  }

  /** The states at the root. */
  long[] start() {
    return start;
  }

  /** True when no rule can match at or below a node with these states. */
  static boolean isEmpty(long[] states) {
    for (long w : states) {
      if (w != 0) {
        return false;
      }
    }
    return true;
  }

  /** The states at a member named {@code name}, or at element {@code index} when name is null. */
  long[] child(long[] states, String name, int index) {
    long[] next = new long[words];
    long[] matches = name == null ? null : memberMatches(name);
    for (int w = 0; w < words; w++) {
      for (long bits = states[w]; bits != 0; bits &= bits - 1) {
        int p = (w << 6) + Long.numberOfTrailingZeros(bits);
        JsonPath.Step step = stepAt[p];
        if (step instanceof JsonPath.AnyDepth) {
          or(next, closure[p]);
        } else if (step instanceof JsonPath.AnyChild
            || (step instanceof JsonPath.Member && matches != null && (matches[p >>> 6] & (1L << p)) != 0)
            || (step instanceof JsonPath.Element e && name == null && e.index() == index)) {
          or(next, closure[p + 1]);
        }
      }
    }
    return next;
  }

  /** The first rule (by index) whose whole path is matched in {@code states}, or -1. */
  int matched(long[] states) {
    int rule = 0;
    for (int p = 0; p < stepAt.length; p++) {
      if (stepAt[p] == null) {
        if ((states[p >>> 6] & (1L << p)) != 0) {
          return rule;
        }
        rule++;
      }
    }
    return -1;
  }

  /** True when some rule's whole path is matched in {@code states}. */
  boolean anyMatched(long[] states) {
    for (int w = 0; w < words; w++) {
      if ((states[w] & ends[w]) != 0) {
        return true;
      }
    }
    return false;
  }

  /** The member steps whose name pattern matches {@code name}, as a bitset of their positions. */
  private long[] memberMatches(String name) {
    long[] known = memberMatches.get(name);
    if (known != null) {
      return known;
    }
    long[] matches = new long[words];
    for (int p = 0; p < stepAt.length; p++) {
      if (stepAt[p] instanceof JsonPath.Member member && member.name().matches(name)) {
        set(matches, p);
      }
    }
    if (memberMatches.size() < MEMO_LIMIT) {
      memberMatches.put(name, matches);
    }
    return matches;
  }

  private static void set(long[] bits, int p) {
    bits[p >>> 6] |= 1L << p;
  }

  private static void or(long[] into, long[] from) {
    for (int w = 0; w < into.length; w++) {
      into[w] |= from[w];
    }
  }
}
