package dev.replaytwin.replay.internal.client;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.core.run.ErrorKind;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;

/**
 * What one request got: a response, or the reason it got none. Times are {@link System#nanoTime()}
 * readings; the caller keeps the intended send time, so queueing before the write shows as
 * {@code sentNanoTime - intended}.
 *
 * @param sentNanoTime when the request was written to a connection; -1 if it never was
 * @param endNanoTime at the response's last byte, or at the error
 * @param status the final status; 0 if none arrived
 * @param error {@link ErrorKind#NONE} when the whole response arrived
 * @param errorDetail one short line saying what went wrong; empty without an error
 * @param bodySize bytes of body received; -1 without a whole response, or when the response has no
 *     body by definition (HEAD, 204, 304)
 * @param bodyDigest {@code sha256:} and the hex digest of the whole body; empty when bodySize is -1
 * @param contentType the {@code Content-Type} value; empty if none
 * @param cappedBody the body's first bytes, up to the client's body cap
 * @param bodyTruncated true when the body was longer than {@code cappedBody}
 * @param headers the response's fields as decoded (empty if none arrived); do not change them
 */
public record ClientResponse(long sentNanoTime, long endNanoTime, int status, ErrorKind error, String errorDetail,
    long bodySize, String bodyDigest, String contentType, byte[] cappedBody, boolean bodyTruncated,
    HttpHeaders headers) {
  static final byte[] NO_BODY = new byte[0];

  public ClientResponse {
    requireNonNull(error, "error");
    requireNonNull(errorDetail, "errorDetail");
    requireNonNull(bodyDigest, "bodyDigest");
    requireNonNull(contentType, "contentType");
    requireNonNull(cappedBody, "cappedBody");
    requireNonNull(headers, "headers");
    if (status != 0 && (status < 100 || status > 999)) {
      throw new IllegalArgumentException("status: " + status + " (expected: 0 or 100..999)");
    }
    if (bodySize < -1 || (bodySize >= 0 && cappedBody.length > bodySize)) {
      throw new IllegalArgumentException("bodySize: " + bodySize + " with " + cappedBody.length
          + " bytes kept (expected: -1, or at least the bytes kept)");
    }
  }

  /**
   * A request that got no whole response.
   *
   * @param status the status if the response's head arrived, else 0
   * @param headers the response's fields if its head arrived
   */
  public static ClientResponse failed(long sentNanoTime, long endNanoTime, int status, HttpHeaders headers,
      ErrorKind error, String detail) {
    return new ClientResponse(sentNanoTime, endNanoTime, status, error, detail, -1, "", "", NO_BODY, false,
        headers);
  }

  /** A request that never reached a connection. */
  public static ClientResponse failed(ErrorKind error, String detail) {
    long now = System.nanoTime();
    return failed(-1, now, 0, EmptyHttpHeaders.INSTANCE, error, detail);
  }

  /** True when the whole response arrived, whatever its status. */
  public boolean isComplete() {
    return error == ErrorKind.NONE;
  }
}
