package dev.replaytwin.compare.diff;

import dev.replaytwin.core.Body;
import dev.replaytwin.core.Headers;
import dev.replaytwin.core.run.ErrorKind;
import dev.replaytwin.core.run.Outcome;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Outcomes as the replayer writes them, with real digests. */
final class Outcomes {
  static final long T = 1_763_700_000_000_000_000L;

  private Outcomes() {}

  static Outcome json(String id, String singleQuotedJson) {
    return answered(id, "GET /items", 200, "application/json", Headers.EMPTY,
        singleQuotedJson.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
  }

  static Outcome json(String id, String endpoint, String singleQuotedJson) {
    return answered(id, endpoint, 200, "application/json", Headers.EMPTY,
        singleQuotedJson.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
  }

  static Outcome answered(String id, String endpoint, int status, String contentType, Headers headers, byte[] body) {
    return new Outcome(id, 0, endpoint, "GET", T, T, 1_000, 900, status, ErrorKind.NONE, "", body.length,
        digest(body), contentType, Body.of(body), headers);
  }

  /** A body cut at {@code cap} bytes, its digest that of the whole body. */
  static Outcome truncated(String id, String contentType, byte[] whole, int cap) {
    byte[] kept = java.util.Arrays.copyOf(whole, cap);
    return new Outcome(id, 0, "GET /items", "GET", T, T, 1_000, 900, 200, ErrorKind.NONE, "", whole.length,
        digest(whole), contentType, Body.truncated(kept, whole.length), Headers.EMPTY);
  }

  static Outcome failed(String id, ErrorKind error) {
    return new Outcome(id, 0, "GET /items", "GET", T, T, -1, -1, 0, error, "detail", -1, "", "", Body.EMPTY);
  }

  static String digest(byte[] body) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
