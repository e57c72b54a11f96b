package dev.replaytwin.core;

/**
 * When the exchange happened, as epoch nanoseconds. A point not observed (no response arrived, the
 * upstream never sent a byte) is {@link #NOT_RECORDED}.
 *
 * @param requestStartNanos first byte of the request seen
 * @param upstreamFirstByteNanos first byte of the response from the upstream
 * @param responseEndNanos last byte of the response sent on
 */
public record Timings(long requestStartNanos, long upstreamFirstByteNanos, long responseEndNanos) {
  public static final long NOT_RECORDED = -1;

  public Timings {
    check("requestStartNanos", requestStartNanos);
    check("upstreamFirstByteNanos", upstreamFirstByteNanos);
    check("responseEndNanos", responseEndNanos);
  }

  /** Only the start is known. */
  public static Timings startedAt(long requestStartNanos) {
    return new Timings(requestStartNanos, NOT_RECORDED, NOT_RECORDED);
  }

  public boolean hasUpstreamFirstByte() {
    return upstreamFirstByteNanos != NOT_RECORDED;
  }

  public boolean hasResponseEnd() {
    return responseEndNanos != NOT_RECORDED;
  }

  /** Request start to response end, or {@link #NOT_RECORDED} when either is missing. */
  public long totalNanos() {
    return requestStartNanos == NOT_RECORDED || responseEndNanos == NOT_RECORDED
        ? NOT_RECORDED
        : responseEndNanos - requestStartNanos;
  }

  private static void check(String name, long value) {
    if (value < NOT_RECORDED) {
      throw new IllegalArgumentException(name + ": " + value + " (expected: epoch nanos or -1)");
    }
  }
}
