package dev.replaytwin.proxy;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import dev.replaytwin.core.Nullable;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * What a {@link RawUpstream} does with one request: wait (for a delay or a gate), write these exact
 * bytes, then go on with the connection as {@code then} says.
 */
record Reply(byte[] bytes, Duration delay, @Nullable CountDownLatch gate, Then then) {

  /** How the connection goes on after the bytes are written. */
  enum Then {
    /** Read the next request. */
    KEEP_OPEN,
    /** Close the connection (FIN). */
    CLOSE,
    /** Abort the connection (RST). */
    RESET,
    /** Write these bytes (often none) and nothing more; wait for the peer to close. */
    HANG,
    /** Echo every byte that arrives, as a server does after a protocol upgrade. */
    ECHO
  }

  /** Writes {@code raw} exactly, one byte per char. */
  static Reply raw(String raw) {
    return raw(raw.getBytes(ISO_8859_1));
  }

  static Reply raw(byte[] raw) {
    return new Reply(raw, Duration.ZERO, null, Then.KEEP_OPEN);
  }

  /** A 200 with a Content-Length body. */
  static Reply ok(String body) {
    return raw("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length() + "\r\n\r\n"
        + body);
  }

  /** A response head followed by a binary body. */
  static Reply withBody(String head, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.getBytes(ISO_8859_1));
    out.writeBytes(body);
    return raw(out.toByteArray());
  }

  static Reply hang() {
    return new Reply(new byte[0], Duration.ZERO, null, Then.HANG);
  }

  Reply then(Then next) {
    return new Reply(bytes, delay, gate, next);
  }

  Reply after(Duration wait) {
    return new Reply(bytes, wait, gate, then);
  }

  /** Writes only once {@code latch} is open: the test decides when the upstream answers. */
  Reply gatedBy(CountDownLatch latch) {
    return new Reply(bytes, delay, latch, then);
  }
}
