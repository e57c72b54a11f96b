package dev.replaytwin.deploy.stubs.internal;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.replaytwin.core.Body;
import dev.replaytwin.core.Header;
import dev.replaytwin.core.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A captured response as a WireMock response: status, the headers worth replaying, and the body as
 * text when it is UTF-8 (and declared so, or not declared), else base64, so the served bytes are
 * the captured ones.
 */
public final class ResponseStubs {
  /**
   * Headers that describe one connection or one transfer, not the response: hop-by-hop headers
   * (RFC 9110 7.6.1), the framing WireMock does itself, and the date of the capture.
   */
  static final Set<String> DROPPED = Set.of("connection", "keep-alive", "proxy-connection", "proxy-authenticate",
      "proxy-authorization", "te", "trailer", "trailers", "transfer-encoding", "upgrade", "content-length", "date");

  private ResponseStubs() {}

  /** What tells two responses apart for a scenario: status, content type and body. */
  public record Identity(int status, String contentType, Body body) {
    public static Identity of(HttpResponse r) {
      return new Identity(r.status(), r.headers().first("Content-Type").orElse(""), r.body());
    }
  }

  static ResponseDefinitionBuilder of(HttpResponse response) {
    ResponseDefinitionBuilder b = ResponseDefinitionBuilder.responseDefinition().withStatus(response.status());
    headers(response).forEach((name, values) -> b.withHeader(name, values.toArray(String[]::new)));
    Body body = response.body();
    if (!body.isEmpty()) {
      String text = RequestFields.text(body);
      if (text.startsWith(RequestFields.BASE64_PREFIX) || !declaresUtf8OrNothing(response)) {
        b.withBase64Body(Base64.getEncoder().encodeToString(body.toByteArray()));
      } else {
        b.withBody(text);
      }
    }
    return b;
  }

  /** The headers kept, grouped by name (the first spelling seen), in the order first seen. */
  static Map<String, List<String>> headers(HttpResponse response) {
    Set<String> named = new HashSet<>();
    response.headers().all("Connection").forEach(v -> {
      for (String token : v.split(",")) {
        named.add(token.trim().toLowerCase(Locale.ROOT));
      }
    });
    Map<String, String> spelling = new LinkedHashMap<>();
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Header h : response.headers().entries()) {
      String lower = h.name().toLowerCase(Locale.ROOT);
      if (DROPPED.contains(lower) || named.contains(lower)) {
        continue;
      }
      String name = spelling.computeIfAbsent(lower, k -> h.name());
      out.computeIfAbsent(name, k -> new ArrayList<>()).add(h.value());
    }
    return out;
  }

  private static boolean declaresUtf8OrNothing(HttpResponse response) {
    String ct = response.headers().first("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    int at = ct.indexOf("charset=");
    if (at < 0) {
      return true;
    }
    String charset = ct.substring(at + 8).replace("\"", "").split(";")[0].trim();
    return charset.equals("utf-8") || charset.equals("utf8") || charset.equals("us-ascii");
  }
}
