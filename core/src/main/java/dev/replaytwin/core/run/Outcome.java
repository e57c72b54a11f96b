package dev.replaytwin.core.run;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.core.Body;
import dev.replaytwin.core.Headers;

/**
 * What happened to one replayed request at one target: a row of a run directory's
 * {@code outcomes.jsonl.zst}. Times are epoch nanoseconds, durations nanoseconds; {@code -1} (or
 * {@code 0} for the status, {@code ""} for text) stands for "did not happen".
 *
 * <pre>{@code
 * Outcome ok = new Outcome("ex-42", 0, "GET /users/{id}", "GET", intended, sent, latency, service,
 *     200, ErrorKind.NONE, "", 18_204, "sha256:9f86…", "application/json", Body.truncated(first4KiB, 18_204));
 * Outcome refused = new Outcome("ex-43", 0, "GET /users/{id}", "GET", intended, sent, -1, -1,
 *     0, ErrorKind.REFUSED, "Connection refused", -1, "", "", Body.EMPTY);
 * }</pre>
 *
 * @param exchangeId the captured exchange this request replays
 * @param loop which pass over the capture, from 0
 * @param endpoint the endpoint name, such as {@code GET /users/{id}}
 * @param method the HTTP method sent
 * @param intendedEpochNanos when the schedule meant the request to be sent
 * @param sentEpochNanos when its first byte was written, or -1 when it was never sent
 * @param latencyNanos response end minus intended send time, or -1 when no response arrived
 * @param serviceNanos response end minus actual send time, or -1 when no response arrived
 * @param status the response status, or 0 when no response arrived
 * @param error why no response arrived; {@link ErrorKind#NONE} when one did
 * @param errorDetail the error in a person's words, or {@code ""}
 * @param responseSize bytes of the whole response body, or -1 when no response arrived
 * @param bodyDigest digest of the whole response body, such as {@code sha256:<hex>}, or {@code ""}
 * @param contentType the response's {@code Content-Type}, or {@code ""}
 * @param body the response body up to the replayer's cap ({@link Body#isTruncated()} beyond it)
 * @param headers the response's header fields, in the order received, or none when no response head
 *     arrived (the comparator diffs the ones a policy names)
 */
public record Outcome(
    String exchangeId,
    int loop,
    String endpoint,
    String method,
    long intendedEpochNanos,
    long sentEpochNanos,
    long latencyNanos,
    long serviceNanos,
    int status,
    ErrorKind error,
    String errorDetail,
    long responseSize,
    String bodyDigest,
    String contentType,
    Body body,
    Headers headers) {

  public Outcome {
    requireNonEmpty(exchangeId, "exchangeId");
    requireNonEmpty(endpoint, "endpoint");
    requireNonEmpty(method, "method");
    requireNonNull(error, "error");
    requireNonNull(errorDetail, "errorDetail");
    requireNonNull(bodyDigest, "bodyDigest");
    requireNonNull(contentType, "contentType");
    requireNonNull(body, "body");
    requireNonNull(headers, "headers");
    if (loop < 0) {
      throw new IllegalArgumentException("loop: " + loop + " (expected: >= 0)");
    }
    if (intendedEpochNanos < 0) {
      throw new IllegalArgumentException("intendedEpochNanos: " + intendedEpochNanos + " (expected: >= 0)");
    }
    requireNotBelowMinusOne(sentEpochNanos, "sentEpochNanos", "when never sent");
    requireNotBelowMinusOne(latencyNanos, "latencyNanos", "when no response");
    requireNotBelowMinusOne(serviceNanos, "serviceNanos", "when no response");
    requireNotBelowMinusOne(responseSize, "responseSize", "when no response");
    if (status != 0 && (status < 100 || status > 599)) {
      throw new IllegalArgumentException("status: " + status + " (expected: 0 or 100..599)");
    }
  }

  /** An outcome without response header fields. */
  public Outcome(String exchangeId, int loop, String endpoint, String method, long intendedEpochNanos,
      long sentEpochNanos, long latencyNanos, long serviceNanos, int status, ErrorKind error, String errorDetail,
      long responseSize, String bodyDigest, String contentType, Body body) {
    this(exchangeId, loop, endpoint, method, intendedEpochNanos, sentEpochNanos, latencyNanos, serviceNanos, status,
        error, errorDetail, responseSize, bodyDigest, contentType, body, Headers.EMPTY);
  }

  /** True when a response arrived: no error and a status. */
  public boolean answered() {
    return error == ErrorKind.NONE && status > 0;
  }

  private static void requireNonEmpty(String value, String name) {
    requireNonNull(value, name);
    if (value.isEmpty()) {
      throw new IllegalArgumentException(name + ": \"\" (expected: non-empty)");
    }
  }

  private static void requireNotBelowMinusOne(long value, String name, String whenMinusOne) {
    if (value < -1) {
      throw new IllegalArgumentException(name + ": " + value + " (expected: >= 0, or -1 " + whenMinusOne + ")");
    }
  }
}
