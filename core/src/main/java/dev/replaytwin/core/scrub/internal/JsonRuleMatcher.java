package dev.replaytwin.core.scrub.internal;

import java.util.Arrays;
import java.util.List;

/**
 * Follows every JSON rule's path at once while a document is walked, like an NFA: a state is
 * (rule, steps matched so far), packed into an int. Immutable and thread-safe; state arrays are
 * per walk.
 */
final class JsonRuleMatcher {
  static final int[] NONE = new int[0];

  private final JsonPath.Step[][] steps;
  /** Room one {@link #add} may need: a closure adds at most a path's length plus one states. */
  private final int slack;
  private final int[] start;

  JsonRuleMatcher(List<JsonRule> rules) {
    this.steps = new JsonPath.Step[rules.size()][];
    int longest = 0;
    int total = 0;
    for (int r = 0; r < rules.size(); r++) {
      steps[r] = rules.get(r).path().steps().toArray(new JsonPath.Step[0]);
      longest = Math.max(longest, steps[r].length);
      total += steps[r].length + 1;
    }
    this.slack = longest + 1;
    int[] initial = new int[total];
    int count = 0;
    for (int r = 0; r < steps.length; r++) {
      count = add(initial, count, r, 0);
    }
    this.start = Arrays.copyOf(initial, count);
  }

  /** The states at the root. */
  int[] start() {
    return start;
  }

  /** The states at a member named {@code name}, or at element {@code index} when name is null. */
  int[] child(int[] states, String name, int index) {
    if (states.length == 0) {
      return NONE;
    }
    int[] next = new int[states.length * 2 + slack];
    int count = 0;
    for (int state : states) {
      int r = state >>> 8;
      int i = state & 0xff;
      if (i == steps[r].length) {
        continue;
      }
      JsonPath.Step step = steps[r][i];
      if (step instanceof JsonPath.AnyDepth) {
        next = room(next, count);
        count = add(next, count, r, i);
      } else if (step instanceof JsonPath.AnyChild
          || (step instanceof JsonPath.Member m && name != null && m.name().matches(name))
          || (step instanceof JsonPath.Element e && name == null && e.index() == index)) {
        next = room(next, count);
        count = add(next, count, r, i + 1);
      }
    }
    return count == 0 ? NONE : Arrays.copyOf(next, count);
  }

  /** The first rule (by index) whose whole path is matched in {@code states}, or -1. */
  int matched(int[] states) {
    int best = -1;
    for (int state : states) {
      int r = state >>> 8;
      if ((state & 0xff) == steps[r].length && (best < 0 || r < best)) {
        best = r;
      }
    }
    return best;
  }

  /** Adds (r, i) and, through any-depth steps, the states reachable without consuming a level. */
  private int add(int[] into, int count, int r, int i) {
    int c = put(into, count, r << 8 | i);
    if (i < steps[r].length && steps[r][i] instanceof JsonPath.AnyDepth) {
      c = add(into, c, r, i + 1);
    }
    return c;
  }

  private static int put(int[] into, int count, int state) {
    for (int k = 0; k < count; k++) {
      if (into[k] == state) {
        return count;
      }
    }
    into[count] = state;
    return count + 1;
  }

  private int[] room(int[] array, int count) {
    return count + slack > array.length ? Arrays.copyOf(array, array.length * 2 + slack) : array;
  }
}
