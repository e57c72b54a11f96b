package dev.replaytwin.core;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One request and its response as they crossed the service under capture: the unit every stage
 * of ReplayTwin reads and writes.
 *
 * @param id unique within a capture
 * @param captureTimeNanos when the request was seen, epoch nanoseconds; replay schedules from it
 * @param direction {@link Direction#INBOUND} to the service or {@link Direction#OUTBOUND} to a
 *     dependency
 * @param dependency the dependency's name for outbound exchanges, empty for inbound ones
 * @param connectionId the client (inbound) or upstream (outbound) connection the exchange used
 * @param response the response, or {@code null} when none arrived (timeout, reset)
 * @param scrubRulesFired names of the scrub rules that changed this exchange before it was stored
 */
public record Exchange(
    String id,
    long captureTimeNanos,
    Direction direction,
    String dependency,
    String connectionId,
    HttpRequest request,
    @Nullable HttpResponse response,
    Timings timings,
    ContextTags context,
    List<String> scrubRulesFired) {

  public Exchange {
    requireNonNull(id, "id");
    requireNonNull(direction, "direction");
    requireNonNull(dependency, "dependency");
    requireNonNull(connectionId, "connectionId");
    requireNonNull(request, "request");
    requireNonNull(timings, "timings");
    requireNonNull(context, "context");
    scrubRulesFired = List.copyOf(requireNonNull(scrubRulesFired, "scrubRulesFired"));
    if (id.isEmpty()) {
      throw new IllegalArgumentException("id: \"\" (expected: a non-empty exchange id)");
    }
    if (captureTimeNanos < 0) {
      throw new IllegalArgumentException("captureTimeNanos: " + captureTimeNanos + " (expected: >= 0)");
    }
    if (direction == Direction.OUTBOUND && dependency.isEmpty()) {
      throw new IllegalArgumentException("dependency: \"\" (expected: the dependency's name for OUTBOUND)");
    }
    if (direction == Direction.INBOUND && !dependency.isEmpty()) {
      throw new IllegalArgumentException("dependency: \"" + dependency + "\" (expected: \"\" for INBOUND)");
    }
  }

  /** An inbound exchange with no context tags and no scrub rules fired. */
  public static Exchange inbound(
      String id, long captureTimeNanos, String connectionId, HttpRequest request,
      @Nullable HttpResponse response, Timings timings) {
    return new Exchange(id, captureTimeNanos, Direction.INBOUND, "", connectionId, request, response,
        timings, ContextTags.EMPTY, List.of());
  }

  public boolean hasResponse() {
    return response != null;
  }
}
