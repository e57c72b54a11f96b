package dev.replaytwin.compare.diff.internal;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The member names seen so far in each open object of one document, to find a name given twice.
 * A tree keeps only the last value of a repeated name, so a walk over tokens must notice one.
 */
final class MemberNames {
  /** Up to this many names per object a scan beats hashing. */
  private static final int SMALL = 16;

  private String[] names = new String[32];
  private int size;
  private int[] starts = new int[8];
  private Set<String>[] large = newSets(8);
  private int depth;

  /** Starts an object. */
  void enter() {
    if (depth == starts.length) {
      starts = Arrays.copyOf(starts, depth * 2);
      large = Arrays.copyOf(large, depth * 2);
    }
    large[depth] = null;
    starts[depth++] = size;
  }

  /** Ends the innermost object. */
  void exit() {
    int start = starts[--depth];
    Arrays.fill(names, start, size, null);
    size = start;
    large[depth] = null;
  }

  /** Adds {@code name} to the innermost object; true when it already held that name. */
  boolean repeated(String name) {
    int start = starts[depth - 1];
    Set<String> set = large[depth - 1];
    if (set != null) {
      return !set.add(name);
    }
    for (int i = start; i < size; i++) {
      if (names[i].equals(name)) {
        return true;
      }
    }
    if (size - start == SMALL) {
      set = new HashSet<>(Arrays.asList(names).subList(start, size));
      set.add(name);
      large[depth - 1] = set;
      return false;
    }
    if (size == names.length) {
      names = Arrays.copyOf(names, size * 2);
    }
    names[size++] = name;
    return false;
  }

  /** An independent copy, for the other document of a pair whose names matched so far. */
  MemberNames copy() {
    MemberNames c = new MemberNames();
    c.names = names.clone();
    c.size = size;
    c.starts = starts.clone();
    c.large = large.clone();
    for (int i = 0; i < depth; i++) {
      if (large[i] != null) {
        c.large[i] = new HashSet<>(large[i]);
      }
    }
    c.depth = depth;
    return c;
  }

  @SuppressWarnings("unchecked")
  private static Set<String>[] newSets(int n) {
    return (Set<String>[]) new Set<?>[n];
  }
}
