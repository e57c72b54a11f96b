package dev.replaytwin.proxy;

import dev.replaytwin.core.Header;
import dev.replaytwin.core.Nullable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One HTTP/1.1 message as it crossed a socket: the start line, header fields in order and with their
 * case, the body with its chunk framing removed, and trailer fields.
 *
 * @param complete false when the connection ended (or was reset) before the message did
 */
record WireMessage(String startLine, List<Header> headers, byte[] body, List<Header> trailers,
    boolean complete) {

  /** Fields a proxy must not forward (RFC 9110 7.6.1), besides those the Connection field names. */
  private static final Set<String> HOP_BY_HOP = Set.of(
      "connection", "keep-alive", "proxy-connection", "te", "transfer-encoding", "upgrade");

  int status() {
    return Integer.parseInt(startLine.split(" ", 3)[1]);
  }

  String method() {
    return startLine.split(" ", 3)[0];
  }

  String target() {
    return startLine.split(" ", 3)[1];
  }

  @Nullable String header(String name) {
    for (Header h : headers) {
      if (h.name().equalsIgnoreCase(name)) {
        return h.value();
      }
    }
    return null;
  }

  String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The fields that must reach the other side unchanged, in order and case. */
  List<Header> endToEndHeaders() {
    List<String> named = new ArrayList<>();
    for (Header h : headers) {
      if (h.name().equalsIgnoreCase("connection")) {
        for (String token : h.value().split(",")) {
          named.add(token.trim().toLowerCase(Locale.ROOT));
        }
      }
    }
    List<Header> out = new ArrayList<>();
    for (Header h : headers) {
      String name = h.name().toLowerCase(Locale.ROOT);
      if (!HOP_BY_HOP.contains(name) && !named.contains(name)) {
        out.add(h);
      }
    }
    return out;
  }

  /** End-to-end fields without the X-Forwarded-* ones a proxy adds. */
  List<Header> endToEndHeadersWithoutForwarded() {
    return endToEndHeaders().stream()
        .filter(h -> !h.name().toLowerCase(Locale.ROOT).startsWith("x-forwarded-"))
        .toList();
  }

  @Override
  public String toString() {
    return startLine + " " + headers + " body " + body.length + " bytes" + (complete ? "" : " (incomplete)");
  }
}
