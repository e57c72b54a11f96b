package dev.replaytwin.compare.diff;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The differences between two targets' responses to one request, from {@link ResponseDiffer}.
 *
 * @param exchangeId the captured exchange both responses answer
 * @param loop the pass over the capture
 * @param endpoint the endpoint name
 * @param differences what differs: {@code error}, then {@code status}, headers, and the body
 * @param body how the bodies were compared
 * @param capped true when a {@link DiffLimits} limit hid or coarsened some body differences
 */
public record ResponseDiff(String exchangeId, int loop, String endpoint, List<Difference> differences,
    BodyComparison body, boolean capped) {
  public ResponseDiff {
    requireNonNull(exchangeId, "exchangeId");
    requireNonNull(endpoint, "endpoint");
    requireNonNull(body, "body");
    differences = List.copyOf(requireNonNull(differences, "differences"));
    if (loop < 0) {
      throw new IllegalArgumentException("loop: " + loop + " (expected: >= 0)");
    }
  }

  /** True when the responses are the same in everything compared. */
  public boolean isEmpty() {
    return differences.isEmpty();
  }
}
