package dev.replaytwin.replay.internal.client;

import dev.replaytwin.core.Header;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an {@link OutgoingRequest} into the HTTP/1.1 request a target receives: the target's
 * {@code Host} and path prefix, a {@code Content-Length} of our own, and no hop-by-hop fields (RFC
 * 9110 7.6.1), neither the fixed ones nor those the {@code Connection} field names.
 */
final class RequestFactory {
  private static final DefaultHttpHeadersFactory HEADERS =
      DefaultHttpHeadersFactory.headersFactory().withValidation(false);
  // Spelled as browsers and most clients send them; the case of captured fields is kept too.
  private static final AsciiString HOST = AsciiString.cached("Host");
  private static final AsciiString CONTENT_LENGTH = AsciiString.cached("Content-Length");

  private final String authority;
  private final String pathPrefix;

  RequestFactory(String authority, String pathPrefix) {
    this.authority = authority;
    this.pathPrefix = pathPrefix;
  }

  FullHttpRequest build(OutgoingRequest r) {
    HttpHeaders h = HEADERS.newHeaders();
    h.add(HOST, authority);
    List<Header> fields = r.headers().entries();
    List<String> named = connectionTokens(fields);
    for (int i = 0; i < fields.size(); i++) {
      Header f = fields.get(i);
      if (!isOurs(f.name()) && (named.isEmpty() || !containsIgnoreCase(named, f.name()))) {
        h.add(f.name(), f.value());
      }
    }
    byte[] body = r.body();
    if (body.length > 0 || allowsBody(r.method())) {
      h.setInt(CONTENT_LENGTH, body.length);
    }
    ByteBuf content = body.length == 0 ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body);
    String target = pathPrefix.isEmpty() || r.target().equals("*") ? r.target() : pathPrefix + r.target();
    return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf(r.method()), target, content, h,
        EmptyHttpHeaders.INSTANCE);
  }

  /** Fields the client sets itself or never forwards: Host, Content-Length and the hop-by-hop ones. */
  static boolean isOurs(String name) {
    return switch (name.length()) {
      case 2 -> name.equalsIgnoreCase("te");
      case 4 -> name.equalsIgnoreCase("host");
      case 7 -> name.equalsIgnoreCase("trailer") || name.equalsIgnoreCase("upgrade");
      case 10 -> name.equalsIgnoreCase("connection") || name.equalsIgnoreCase("keep-alive");
      case 14 -> name.equalsIgnoreCase("content-length");
      case 16 -> name.equalsIgnoreCase("proxy-connection");
      case 17 -> name.equalsIgnoreCase("transfer-encoding");
      default -> false;
    };
  }

  /** Methods whose requests carry a body, so an empty one is still framed with Content-Length: 0. */
  private static boolean allowsBody(String method) {
    return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
  }

  /** The field names listed in {@code Connection}, looked for only when there is such a field. */
  private static List<String> connectionTokens(List<Header> fields) {
    List<String> tokens = List.of();
    for (int i = 0; i < fields.size(); i++) {
      Header f = fields.get(i);
      if (f.name().equalsIgnoreCase("connection")) {
        for (String token : f.value().split(",")) {
          String t = token.strip();
          if (!t.isEmpty()) {
            if (tokens.isEmpty()) {
              tokens = new ArrayList<>(2);
            }
            tokens.add(t);
          }
        }
      }
    }
    return tokens;
  }

  private static boolean containsIgnoreCase(List<String> names, String name) {
    for (String n : names) {
      if (n.equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }
}
