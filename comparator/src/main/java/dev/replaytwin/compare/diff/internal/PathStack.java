package dev.replaytwin.compare.diff.internal;

import java.util.Arrays;

/**
 * The path from the root to the node being compared. Paths are rendered only when a difference is
 * found, so walking equal documents builds no strings.
 */
public final class PathStack {
  private String[] names = new String[16];
  private int[] indexes = new int[16];
  private int depth;

  public int depth() {
    return depth;
  }

  public void pushMember(String name) {
    grow();
    names[depth] = name;
    indexes[depth++] = -1;
  }

  public void pushIndex(int index) {
    grow();
    names[depth] = null;
    indexes[depth++] = index;
  }

  public void pop() {
    names[--depth] = null;
  }

  /** The concrete path, such as {@code $.items[3].price}. */
  public String concrete() {
    return render(false);
  }

  /** The path with every array index replaced by {@code [*]}, such as {@code $.items[*].price}. */
  public String generalized() {
    return render(true);
  }

  /** True when the path goes through an array element, so its concrete and generalized forms differ. */
  public boolean hasIndex() {
    for (int i = 0; i < depth; i++) {
      if (indexes[i] >= 0) {
        return true;
      }
    }
    return false;
  }

  private String render(boolean general) {
    StringBuilder out = new StringBuilder(8 + depth * 8).append('$');
    for (int i = 0; i < depth; i++) {
      if (indexes[i] < 0) {
        PathText.appendMember(out, names[i]);
      } else if (general) {
        out.append("[*]");
      } else {
        out.append('[').append(indexes[i]).append(']');
      }
    }
    return out.toString();
  }

  private void grow() {
    if (depth == names.length) {
      names = Arrays.copyOf(names, depth * 2);
      indexes = Arrays.copyOf(indexes, depth * 2);
    }
  }
}
