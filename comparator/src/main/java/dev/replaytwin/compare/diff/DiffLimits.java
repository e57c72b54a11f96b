package dev.replaytwin.compare.diff;

/**
 * Bounds on the work and output of one diff, so that a pathological response (a 64 KiB array whose
 * every element changed, a deeply nested document) costs no more than a typical one.
 *
 * @param maxDifferences differences listed per pair of responses; beyond them the diff stops and
 *     says it was capped
 * @param maxDepth nesting depth walked into; a container deeper than this that differs is reported
 *     once, as {@link DiffKind#CHANGED_VALUE} at its path
 * @param maxValueChars characters kept of each value shown in a difference
 */
public record DiffLimits(int maxDifferences, int maxDepth, int maxValueChars) {
  /** 100 differences, depth 64, values cut to 200 characters. */
  public static final DiffLimits DEFAULT = new DiffLimits(100, 64, 200);

  public DiffLimits {
    if (maxDifferences < 1) {
      throw new IllegalArgumentException("maxDifferences: " + maxDifferences + " (expected: >= 1)");
    }
    if (maxDepth < 1) {
      throw new IllegalArgumentException("maxDepth: " + maxDepth + " (expected: >= 1)");
    }
    if (maxValueChars < 16) {
      throw new IllegalArgumentException("maxValueChars: " + maxValueChars + " (expected: >= 16)");
    }
  }
}
