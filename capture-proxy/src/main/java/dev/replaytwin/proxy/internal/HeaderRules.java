package dev.replaytwin.proxy.internal;

import dev.replaytwin.proxy.ForwardedHeaders;
import dev.replaytwin.proxy.Route;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The header changes a proxy must make (RFC 9110 7.6.1): hop-by-hop fields are not forwarded,
 * and neither are fields the {@code Connection} header names. Everything else passes in order and
 * with its case.
 */
final class HeaderRules {
  // Not Trailer: it announces trailer fields, which pass through end to end with the chunks.
  private static final List<AsciiString> HOP_BY_HOP = List.of(
      HttpHeaderNames.CONNECTION, HttpHeaderNames.KEEP_ALIVE, HttpHeaderNames.PROXY_CONNECTION,
      HttpHeaderNames.TE, HttpHeaderNames.UPGRADE, HttpHeaderNames.PROXY_AUTHENTICATE);
  private static final DefaultHttpHeadersFactory HEADERS =
      DefaultHttpHeadersFactory.headersFactory().withValidation(false);
  private static final AsciiString X_FORWARDED_FOR = AsciiString.cached("x-forwarded-for");
  private static final AsciiString X_FORWARDED_PROTO = AsciiString.cached("x-forwarded-proto");
  private static final AsciiString X_FORWARDED_HOST = AsciiString.cached("x-forwarded-host");

  private HeaderRules() {}

  /** True for {@code Connection: upgrade} with an {@code Upgrade} header. */
  static boolean isUpgrade(HttpHeaders headers) {
    return headers.contains(HttpHeaderNames.UPGRADE)
        && headers.containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true);
  }

  /**
   * The request as the upstream receives it: HTTP/1.1, hop-by-hop fields removed, framing
   * ({@code Content-Length} or {@code Transfer-Encoding: chunked}) kept, forwarded fields applied.
   */
  static HttpRequest forUpstream(HttpRequest in, Route route, String target, ForwardedHeaders forwarded,
      String clientAddress, boolean clientTls, boolean upgrade, boolean rewriteHost) {
    HttpHeaders h = copyEndToEnd(in.headers());
    String originalHost = in.headers().get(HttpHeaderNames.HOST);
    if (upgrade) {
      h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE);
      h.set(HttpHeaderNames.UPGRADE, in.headers().get(HttpHeaderNames.UPGRADE));
    }
    if (rewriteHost || originalHost == null) {
      h.set(HttpHeaderNames.HOST, route.authority());
    }
    switch (forwarded) {
      case APPEND -> {
        // Repeated fields are one list (RFC 9110 5.3): every hop in them stays.
        h.set(X_FORWARDED_FOR, appendHop(in.headers().getAll(X_FORWARDED_FOR), clientAddress));
        if (!h.contains(X_FORWARDED_PROTO)) {
          h.set(X_FORWARDED_PROTO, clientTls ? "https" : "http");
        }
        if (!h.contains(X_FORWARDED_HOST) && originalHost != null) {
          h.set(X_FORWARDED_HOST, originalHost);
        }
      }
      case REPLACE -> {
        h.set(X_FORWARDED_FOR, clientAddress);
        h.set(X_FORWARDED_PROTO, clientTls ? "https" : "http");
        if (originalHost != null) {
          h.set(X_FORWARDED_HOST, originalHost);
        } else {
          h.remove(X_FORWARDED_HOST);
        }
      }
      case OFF -> { }
    }
    return new DefaultHttpRequest(HttpVersion.HTTP_1_1, in.method(), target, h);
  }

  /**
   * The response as the client receives it: hop-by-hop fields removed; {@code Connection: close}
   * when this connection ends after it. For an HTTP/1.0 client a chunked body is sent unframed and
   * the connection closed, since 1.0 has no chunked coding.
   */
  static HttpResponse forClient(HttpResponse in, boolean closeClient, boolean http10Client, boolean upgrade) {
    HttpHeaders h = copyEndToEnd(in.headers());
    if (upgrade) {
      h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE);
      h.set(HttpHeaderNames.UPGRADE, in.headers().get(HttpHeaderNames.UPGRADE));
    } else if (http10Client && h.contains(HttpHeaderNames.TRANSFER_ENCODING)) {
      h.remove(HttpHeaderNames.TRANSFER_ENCODING);
      closeClient = true;
    }
    if (closeClient) {
      h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    } else if (http10Client) {
      h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
    }
    return new DefaultHttpResponse(HttpVersion.HTTP_1_1, in.status(), h);
  }

  /**
   * Header entries of a message as captured: end-to-end fields only, without framing (the capture
   * holds the decoded body).
   */
  static List<Map.Entry<String, String>> forCapture(HttpHeaders headers) {
    List<Map.Entry<String, String>> out = new ArrayList<>(headers.size());
    List<String> named = connectionTokens(headers);
    for (Map.Entry<String, String> e : headers) {
      String name = e.getKey();
      if (!HttpHeaderNames.TRANSFER_ENCODING.contentEqualsIgnoreCase(name) && isEndToEnd(name, named)) {
        out.add(e);
      }
    }
    return out;
  }

  private static HttpHeaders copyEndToEnd(HttpHeaders in) {
    HttpHeaders out = HEADERS.newHeaders();
    List<String> named = connectionTokens(in);
    for (Map.Entry<CharSequence, CharSequence> e : iterable(in)) {
      CharSequence name = e.getKey();
      if (isEndToEnd(name, named)) {
        out.add(name, e.getValue());
      }
    }
    return out;
  }

  private static Iterable<Map.Entry<CharSequence, CharSequence>> iterable(HttpHeaders in) {
    return in::iteratorCharSequence;
  }

  /** Neither a hop-by-hop field nor one the message's {@code Connection} header names. */
  private static boolean isEndToEnd(CharSequence name, List<String> connectionTokens) {
    return !isHopByHop(name) && !namedByConnection(connectionTokens, name);
  }

  private static boolean isHopByHop(CharSequence name) {
    for (AsciiString h : HOP_BY_HOP) {
      if (h.contentEqualsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  private static String appendHop(List<String> prior, String clientAddress) {
    if (prior.isEmpty()) {
      return clientAddress;
    }
    StringBuilder out = new StringBuilder();
    for (String hop : prior) {
      if (!hop.isBlank()) {
        out.append(hop).append(", ");
      }
    }
    return out.append(clientAddress).toString();
  }

  /**
   * The field names a message's {@code Connection} header lists, once per message rather than once
   * per field; framing fields are never dropped this way.
   */
  private static List<String> connectionTokens(HttpHeaders headers) {
    List<String> values = headers.getAll(HttpHeaderNames.CONNECTION);
    if (values.isEmpty()) {
      return List.of();
    }
    List<String> tokens = new ArrayList<>(2);
    for (String value : values) {
      for (String token : value.split(",")) {
        String t = token.trim();
        if (!t.isEmpty() && !HttpHeaderNames.TRANSFER_ENCODING.contentEqualsIgnoreCase(t)
            && !HttpHeaderNames.CONTENT_LENGTH.contentEqualsIgnoreCase(t)) {
          tokens.add(t);
        }
      }
    }
    return tokens;
  }

  private static boolean namedByConnection(List<String> connectionTokens, CharSequence name) {
    for (String token : connectionTokens) {
      if (AsciiString.contentEqualsIgnoreCase(token, name)) {
        return true;
      }
    }
    return false;
  }
}
