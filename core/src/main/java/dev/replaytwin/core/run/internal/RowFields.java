package dev.replaytwin.core.run.internal;

import dev.replaytwin.core.Body;
import dev.replaytwin.core.Headers;
import dev.replaytwin.core.Nullable;
import dev.replaytwin.core.run.ErrorKind;
import dev.replaytwin.core.run.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A row's fields as read, each holding its "none" value until the row names it; both decoders
 * ({@link RowDecoder} on Jackson's tokens, {@link RowScanner} on the bytes) fill one and turn it
 * into an {@link Outcome} here, so that they agree on every check.
 */
final class RowFields {
  @Nullable String id;
  @Nullable String endpoint;
  @Nullable String method;
  boolean hasLoop;
  long loop;
  boolean hasIntended;
  long intended;
  long sent = -1;
  long latency = -1;
  long service = -1;
  long status;
  ErrorKind error = ErrorKind.NONE;
  String detail = "";
  long size = -1;
  String digest = "";
  String contentType = "";
  /** The body's text, as Jackson decoded it. */
  @Nullable String bodyText;
  /** Or the same text's UTF-8 bytes, as {@link RowScanner} unescaped them. */
  byte @Nullable [] bodyBytes;
  String bodyEncoding = OutcomeFormat.UTF8;
  boolean bodyTruncated;
  long bodyLength = -1;
  Headers headers = Headers.EMPTY;

  /** Back to every field's "none" value, to read another row. */
  void reset() {
    id = null;
    endpoint = null;
    method = null;
    hasLoop = false;
    loop = 0;
    hasIntended = false;
    intended = 0;
    sent = -1;
    latency = -1;
    service = -1;
    status = 0;
    error = ErrorKind.NONE;
    detail = "";
    size = -1;
    digest = "";
    contentType = "";
    bodyText = null;
    bodyBytes = null;
    bodyEncoding = OutcomeFormat.UTF8;
    bodyTruncated = false;
    bodyLength = -1;
    headers = Headers.EMPTY;
  }

  /**
   * @throws IllegalArgumentException when a required field is missing or a value is out of range
   */
  Outcome toOutcome() {
    // Arguments are checked left to right, so a row missing several fields names the same one as ever.
    return new Outcome(required(id, OutcomeFormat.ID), toInt(required(hasLoop, loop, OutcomeFormat.LOOP),
        OutcomeFormat.LOOP), required(endpoint, OutcomeFormat.ENDPOINT), required(method, OutcomeFormat.METHOD),
        required(hasIntended, intended, OutcomeFormat.INTENDED), sent, latency, service,
        toInt(status, OutcomeFormat.STATUS), error, detail, size, digest, contentType, body(), headers);
  }

  private Body body() {
    boolean text = bodyText != null || bodyBytes != null;
    if (!text) {
      if (bodyTruncated) {
        throw new IllegalArgumentException(OutcomeFormat.BODY_TRUNCATED + ": true (expected: with a body)");
      }
      return Body.EMPTY;
    }
    byte[] bytes = switch (bodyEncoding) {
      case OutcomeFormat.UTF8 -> bodyBytes != null ? bodyBytes : bodyText.getBytes(StandardCharsets.UTF_8);
      case OutcomeFormat.BASE64 -> bodyBytes != null ? Base64.getDecoder().decode(bodyBytes)
          : Base64.getDecoder().decode(bodyText);
      default -> throw new IllegalArgumentException(OutcomeFormat.BODY_ENCODING + ": " + bodyEncoding
          + " (expected: " + OutcomeFormat.UTF8 + " or " + OutcomeFormat.BASE64 + ")");
    };
    return bodyTruncated ? Body.wrapTruncated(bytes, bodyLength) : Body.wrap(bytes);
  }

  private static <T> T required(@Nullable T value, String name) {
    if (value == null) {
      throw missing(name);
    }
    return value;
  }

  private static long required(boolean present, long value, String name) {
    if (!present) {
      throw missing(name);
    }
    return value;
  }

  private static IllegalArgumentException missing(String name) {
    return new IllegalArgumentException(name + ": missing (expected: in every row)");
  }

  private static int toInt(long value, String name) {
    if (value != (int) value) {
      throw new IllegalArgumentException(name + ": " + value + " (expected: a 32-bit integer)");
    }
    return (int) value;
  }
}
