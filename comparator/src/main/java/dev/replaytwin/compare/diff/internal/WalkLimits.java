package dev.replaytwin.compare.diff.internal;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.compare.diff.DiffLimits;

/**
 * The bounds one walk over two JSON documents works within ({@link TreeWalk}, {@link LockstepWalk},
 * {@link TokenWalk}): a response's {@link DiffLimits}, with room for only as many differences as the
 * response has left once its status and headers were compared.
 *
 * @param maxDifferences differences the walk may list; it stops, capped, at the next one
 * @param maxDepth nesting depth walked into
 * @param maxValueChars characters kept of each value shown
 */
public record WalkLimits(int maxDifferences, int maxDepth, int maxValueChars) {
  public WalkLimits {
    if (maxDifferences < 0) {
      throw new IllegalArgumentException("maxDifferences: " + maxDifferences + " (expected: >= 0)");
    }
    if (maxDepth < 1) {
      throw new IllegalArgumentException("maxDepth: " + maxDepth + " (expected: >= 1)");
    }
    if (maxValueChars < 1) {
      throw new IllegalArgumentException("maxValueChars: " + maxValueChars + " (expected: >= 1)");
    }
  }

  /** {@code limits} with room for {@code maxDifferences} differences. */
  public static WalkLimits of(DiffLimits limits, int maxDifferences) {
    requireNonNull(limits, "limits");
    return new WalkLimits(maxDifferences, limits.maxDepth(), limits.maxValueChars());
  }
}
