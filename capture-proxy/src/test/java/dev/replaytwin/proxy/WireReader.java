package dev.replaytwin.proxy;

import dev.replaytwin.core.Header;
import dev.replaytwin.core.Nullable;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Reads HTTP/1.1 messages off a socket with the framing rules of RFC 9112 section 6. A connection
 * that ends or is reset mid-message yields the part that arrived, marked incomplete.
 */
final class WireReader {
  private final InputStream in;
  private boolean ended;
  private boolean reset;

  WireReader(InputStream in) {
    this.in = new BufferedInputStream(in, 64 * 1024);
  }

  /**
   * The next request, or {@code null} when the peer closed before sending a byte of it.
   *
   * @param onHead runs once the head is in and before the body is read (an origin answers
   *     {@code Expect: 100-continue} there)
   */
  @Nullable WireMessage readRequest(Consumer<WireMessage> onHead) throws IOException {
    return read(null, onHead);
  }

  /** The next response to a request with {@code method}, or {@code null} at end of stream. */
  @Nullable WireMessage readResponse(String method) throws IOException {
    return read(method, head -> { });
  }

  /** The next {@code n} bytes as they are (after a protocol upgrade); fewer when the stream ends. */
  byte[] readRaw(int n) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    readExactly(out, n);
    return out.toByteArray();
  }

  /** Reads one more byte: true when the stream ended (closed or reset) there instead. */
  boolean atEnd() throws IOException {
    return readSome(new byte[1], 1) < 0;
  }

  private @Nullable WireMessage read(@Nullable String requestMethod, Consumer<WireMessage> onHead)
      throws IOException {
    String startLine = readLine();
    if (startLine == null) {
      return null;
    }
    List<Header> headers = new ArrayList<>();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    List<Header> trailers = new ArrayList<>();
    if (!readFields(headers)) {
      return message(startLine, headers, body, trailers, false);
    }
    onHead.accept(message(startLine, headers, body, trailers, true));
    boolean response = requestMethod != null;
    String te = joined(headers, "transfer-encoding");
    String cl = joined(headers, "content-length");
    boolean complete;
    if (response && bodyless(startLine, requestMethod)) {
      complete = true;
    } else if (te != null) {
      String[] codings = te.split(",");
      if (codings[codings.length - 1].trim().equalsIgnoreCase("chunked")) {
        complete = readChunked(body, trailers);
      } else {
        // A request whose length cannot be known is not a complete request; a response ends at close.
        complete = response && readToEnd(body);
      }
    } else if (cl != null) {
      complete = cl.trim().matches("[0-9]{1,18}") && readExactly(body, Long.parseLong(cl.trim()));
    } else {
      complete = !response || readToEnd(body);
    }
    return message(startLine, headers, body, trailers, complete);
  }

  private WireMessage message(String startLine, List<Header> headers, ByteArrayOutputStream body,
      List<Header> trailers, boolean complete) {
    return new WireMessage(startLine, List.copyOf(headers), body.toByteArray(), List.copyOf(trailers), complete);
  }

  private static boolean bodyless(String statusLine, String requestMethod) {
    int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
    return requestMethod.equals("HEAD") || status / 100 == 1 || status == 204 || status == 304;
  }

  private boolean readFields(List<Header> into) throws IOException {
    while (true) {
      String line = readLine();
      if (line == null) {
        return false;
      }
      if (line.isEmpty()) {
        return true;
      }
      int colon = line.indexOf(':');
      String name = colon < 0 ? line : line.substring(0, colon);
      into.add(new Header(name.isEmpty() ? "?" : name, colon < 0 ? "" : line.substring(colon + 1).trim()));
    }
  }

  private boolean readChunked(ByteArrayOutputStream body, List<Header> trailers) throws IOException {
    while (true) {
      String sizeLine = readLine();
      if (sizeLine == null) {
        return false;
      }
      int semicolon = sizeLine.indexOf(';');
      String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim();
      if (!hex.matches("[0-9A-Fa-f]{1,15}")) {
        return false;
      }
      long size = Long.parseLong(hex, 16);
      if (size == 0) {
        return readFields(trailers);
      }
      if (!readExactly(body, size)) {
        return false;
      }
      String end = readLine();
      if (end == null) {
        return false;
      }
      if (!end.isEmpty()) {
        throw new IOException("chunk of " + size + " bytes not followed by CRLF");
      }
    }
  }

  private boolean readExactly(ByteArrayOutputStream body, long n) throws IOException {
    byte[] buf = new byte[16 * 1024];
    long left = n;
    while (left > 0) {
      int r = readSome(buf, (int) Math.min(buf.length, left));
      if (r < 0) {
        return false;
      }
      body.write(buf, 0, r);
      left -= r;
    }
    return true;
  }

  /** Reads until the peer closes; true unless the connection was reset. */
  private boolean readToEnd(ByteArrayOutputStream body) throws IOException {
    byte[] buf = new byte[16 * 1024];
    int r;
    while ((r = readSome(buf, buf.length)) >= 0) {
      body.write(buf, 0, r);
    }
    return !reset;
  }

  private int readSome(byte[] buf, int len) throws IOException {
    if (ended) {
      return -1;
    }
    int r;
    try {
      r = in.read(buf, 0, len);
    } catch (SocketException e) {
      // "Connection reset": for the reader the message simply stops here.
      reset = true;
      r = -1;
    }
    if (r < 0) {
      ended = true;
      return -1;
    }
    return r;
  }

  /** A line without its CRLF (a bare LF also ends it), or {@code null} at end of stream. */
  private @Nullable String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    byte[] one = new byte[1];
    while (true) {
      if (readSome(one, 1) < 0) {
        return null;
      }
      if (one[0] == '\n') {
        byte[] b = line.toByteArray();
        int len = b.length > 0 && b[b.length - 1] == '\r' ? b.length - 1 : b.length;
        return new String(b, 0, len, StandardCharsets.ISO_8859_1);
      }
      line.write(one[0]);
    }
  }

  private static @Nullable String joined(List<Header> headers, String name) {
    String value = null;
    for (Header h : headers) {
      if (h.name().toLowerCase(Locale.ROOT).equals(name)) {
        value = value == null ? h.value() : value + ", " + h.value();
      }
    }
    return value;
  }
}
