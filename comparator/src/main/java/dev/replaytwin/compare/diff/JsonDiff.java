package dev.replaytwin.compare.diff;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The differences between two JSON documents, in document order (the left document's members first,
 * then members only the right one has).
 *
 * @param differences what differs, at most {@link DiffLimits#maxDifferences()}
 * @param differencesCapped true when there were more differences than listed
 * @param depthCapped true when a difference deeper than {@link DiffLimits#maxDepth()} was reported
 *     at a shallower container instead
 */
public record JsonDiff(List<Difference> differences, boolean differencesCapped, boolean depthCapped) {
  public JsonDiff {
    differences = List.copyOf(requireNonNull(differences, "differences"));
  }

  /** True when the documents are equal. */
  public boolean isEmpty() {
    return differences.isEmpty();
  }

  /** True when a limit hid or coarsened some differences. */
  public boolean capped() {
    return differencesCapped || depthCapped;
  }
}
