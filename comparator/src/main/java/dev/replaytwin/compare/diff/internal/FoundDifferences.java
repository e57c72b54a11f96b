package dev.replaytwin.compare.diff.internal;

import dev.replaytwin.compare.diff.Difference;
import java.util.ArrayList;
import java.util.List;

/**
 * The differences one walk has found, up to its {@link WalkLimits#maxDifferences()}: the
 * bookkeeping every walk shares, so that each caps its list at the same point. Single use.
 */
final class FoundDifferences {
  private final int max;
  private final List<Difference> list = new ArrayList<>(4);
  private boolean capped;

  FoundDifferences(int max) {
    this.max = max;
  }

  /**
   * True when another difference fits; false when the list is full, which marks it capped: the
   * walk found one difference more than it may list, and stops.
   */
  boolean room() {
    if (list.size() >= max) {
      capped = true;
      return false;
    }
    return true;
  }

  /** Adds a difference the caller made {@link #room()} for. */
  void add(Difference d) {
    list.add(d);
  }

  List<Difference> list() {
    return list;
  }

  boolean capped() {
    return capped;
  }
}
