package dev.replaytwin.compare.diff;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.replaytwin.compare.diff.internal.JsonTokens;
import dev.replaytwin.compare.diff.internal.LockstepWalk;
import dev.replaytwin.compare.diff.internal.TokenWalk;
import dev.replaytwin.compare.diff.internal.TreeWalk;
import dev.replaytwin.compare.diff.internal.WalkLimits;
import dev.replaytwin.core.Nullable;

/**
 * Structural diff of two JSON documents.
 *
 * <ul>
 *   <li>Objects compare member by member, in any order. A member only on the left is {@link
 *       DiffKind#MISSING}, only on the right {@link DiffKind#EXTRA}; a whole subtree counts once.
 *   <li>Numbers compare by value ({@code 1 == 1.0}); values of different JSON types (number and
 *       string, object and array, null and a value) are {@link DiffKind#CHANGED_TYPE}.
 *   <li>Arrays of equal length holding the same elements (as a multiset) in another order give one
 *       {@link DiffKind#ARRAY_ORDER} at the array. Otherwise elements compare by index.
 *   <li>Arrays of different lengths give one {@link DiffKind#ARRAY_SIZE} at the array. When the
 *       shorter one's elements all occur in the longer one (elements only added, or only removed,
 *       anywhere), that is all; otherwise the common prefix is also compared element by element.
 *       Elements past the shorter length are not reported one by one.
 * </ul>
 *
 * <p>Work is bounded by {@link DiffLimits}. Thread-safe.
 *
 * <pre>{@code
 * JsonDiffer differ = new JsonDiffer(DiffLimits.DEFAULT);
 * JsonDiff diff = differ.diff(mapper.readTree(baselineBody), mapper.readTree(candidateBody));
 * for (Difference d : diff.differences()) {
 *   System.out.println(d.kind() + " " + d.path() + ": " + d.left() + " -> " + d.right());
 * }
 * }</pre>
 */
public final class JsonDiffer {
  private final DiffLimits limits;

  public JsonDiffer(DiffLimits limits) {
    this.limits = requireNonNull(limits, "limits");
  }

  public DiffLimits limits() {
    return limits;
  }

  /** The differences from {@code left} (the baseline) to {@code right}. */
  public JsonDiff diff(JsonNode left, JsonNode right) {
    return diff(left, right, limits.maxDifferences());
  }

  JsonDiff diff(JsonNode left, JsonNode right, int maxDifferences) {
    requireNonNull(left, "left");
    requireNonNull(right, "right");
    TreeWalk walk = new TreeWalk(WalkLimits.of(limits, maxDifferences));
    walk.compare(left, right);
    return new JsonDiff(walk.differences(), walk.differencesCapped(), walk.depthCapped());
  }

  /**
   * The diff of two documents' bytes, walking their tokens side by side without building trees;
   * null when only {@link #diff(JsonNode, JsonNode)} on the parsed trees can tell (the shapes
   * differ, or either is not exactly one JSON document). When not null it equals that diff.
   */
  @Nullable JsonDiff diffLockstep(byte[] left, byte[] right, int maxDifferences) {
    LockstepWalk walk = new LockstepWalk(WalkLimits.of(limits, maxDifferences));
    if (!walk.compare(left, right)) {
      return null;
    }
    return new JsonDiff(walk.differences(), walk.differencesCapped(), false);
  }

  /**
   * Like {@link #diffLockstep} on documents already read into tokens, without a parser; null also
   * where it cannot compare numbers itself, so a caller then tries {@link #diffLockstep}.
   */
  @Nullable JsonDiff diffTokens(JsonTokens left, JsonTokens right, int maxDifferences) {
    TokenWalk walk = new TokenWalk(WalkLimits.of(limits, maxDifferences));
    if (!walk.compare(left, right)) {
      return null;
    }
    return new JsonDiff(walk.differences(), walk.differencesCapped(), false);
  }
}
