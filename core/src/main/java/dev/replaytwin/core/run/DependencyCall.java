package dev.replaytwin.core.run;

import static java.util.Objects.requireNonNull;

/**
 * One call a target made to a simulated dependency during a run, a line of {@code calls.jsonl}.
 * The comparator groups a target's calls by {@code traceId} (the replayed request that caused them,
 * see {@link TraceIds}) to see how many calls, and which, each request made.
 *
 * @param epochNanos when the call arrived at the simulator
 * @param dependency the dependency's name, e.g. {@code payments}
 * @param method the request method, e.g. {@code GET}
 * @param path the request path, without the query
 * @param endpoint the route template of the path, e.g. {@code GET /v1/charges/{id}}
 * @param status the status answered, or 0 when no response was sent (a fault: reset, empty response)
 * @param traceId the trace id of the call's {@code traceparent}, or empty when it carried none
 * @param matched true when a stub made from captured traffic answered; false when nothing did (the
 *     call was answered with the unmatched error, or proxied to the real dependency)
 * @param fault the fault injected into the call ({@code error}, {@code reset}, {@code empty},
 *     {@code rate-limit}, {@code outage}, {@code delay}), or empty when none
 */
public record DependencyCall(long epochNanos, String dependency, String method, String path, String endpoint,
    int status, String traceId, boolean matched, String fault) {
  public DependencyCall {
    requireNonNull(dependency, "dependency");
    requireNonNull(method, "method");
    requireNonNull(path, "path");
    requireNonNull(endpoint, "endpoint");
    requireNonNull(traceId, "traceId");
    requireNonNull(fault, "fault");
    if (epochNanos < 0) {
      throw new IllegalArgumentException("epochNanos: " + epochNanos + " (expected: >= 0)");
    }
    if (dependency.isEmpty()) {
      throw new IllegalArgumentException("dependency: \"\" (expected: the dependency's name)");
    }
    if (method.isEmpty()) {
      throw new IllegalArgumentException("method: \"\" (expected: an HTTP method)");
    }
    if (status != 0 && (status < 100 || status > 999)) {
      throw new IllegalArgumentException("status: " + status + " (expected: 100..999, or 0 for no response)");
    }
  }
}
