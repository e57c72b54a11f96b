package dev.replaytwin.core.scrub.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.replaytwin.core.Body;
import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.Header;
import dev.replaytwin.core.Headers;
import dev.replaytwin.core.endpoint.internal.RequestTarget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs every detector over every place of an exchange the way the scrubber reads it (targets and
 * URLs decoded per component, cookies decoded, bodies inflated, JSON string by string), collecting
 * what is found with where it was found. Pseudonyms carry marks the detectors skip, so a
 * scrubbed exchange audits clean unless something was missed or kept on purpose.
 */
public final class ExchangeAudit {
  /** One find: the detector, where ({@code request.header:Referer}), and the text found. */
  public record Find(Detector detector, String location, String value) {}

  private static final int MAX_DECODED_BYTES = PolicyRules.DEFAULT_MAX_DECODED_BODY_BYTES;

  private final List<Find> finds = new ArrayList<>();

  private ExchangeAudit() {}

  public static List<Find> scan(Exchange exchange) {
    ExchangeAudit audit = new ExchangeAudit();
    audit.text("connectionId", exchange.connectionId());
    audit.url("request.target", exchange.request().target());
    audit.headers("request", exchange.request().headers());
    audit.body("request", exchange.request().headers(), exchange.request().body());
    if (exchange.response() != null) {
      audit.headers("response", exchange.response().headers());
      audit.body("response", exchange.response().headers(), exchange.response().body());
    }
    return audit.finds;
  }

  private void headers(String message, Headers headers) {
    for (Header h : headers.entries()) {
      String location = message + ".header:" + h.name();
      if (h.name().equalsIgnoreCase("cookie") || h.name().equalsIgnoreCase("set-cookie")) {
        text(location, PercentCodec.decode(h.value(), false));
      } else if (HeaderScrubber.isUrl(h.name(), h.value())) {
        url(location, h.value());
      } else {
        text(location, h.value());
      }
    }
  }

  /** A target or URL: path, query and fragment decoded as the scrubber decodes them; not the user info. */
  private void url(String location, String url) {
    int pathStart = RequestTarget.pathStart(url);
    int pathEnd = RequestTarget.pathEnd(url, pathStart);
    text(location, PercentCodec.decode(url.substring(pathStart, pathEnd), false));
    if (pathEnd < url.length()) {
      text(location, PercentCodec.decode(url.substring(pathEnd), url.charAt(pathEnd) == '?'));
    }
  }

  private void body(String message, Headers headers, Body body) {
    if (body.isEmpty()) {
      return;
    }
    String location = message + ".body";
    byte[] bytes = body.toByteArray();
    boolean truncated = body.isTruncated();
    String coding = headers.first("content-encoding").orElse("").strip();
    if (!coding.isEmpty() && BodyDecoder.decodes(coding)) {
      try {
        BodyDecoder.Decoded decoded = BodyDecoder.decode(coding, bytes, !truncated, MAX_DECODED_BYTES);
        bytes = decoded.bytes();
        truncated = !decoded.complete();
      } catch (IOException e) {
        return;
      }
    }
    MediaType media = headers.first("content-type").map(MediaType::parse).orElse(null);
    JsonNode json = media != null && media.isJson() && !truncated ? JsonTrees.parse(bytes) : null;
    if (json != null) {
      json(location + ":$", json);
    } else if (media != null && media.isForm()) {
      text(location, PercentCodec.decode(new String(bytes, StandardCharsets.ISO_8859_1), true));
    } else {
      text(location, new String(bytes, StandardCharsets.ISO_8859_1));
    }
  }

  private void json(String path, JsonNode node) {
    if (node.isTextual()) {
      text(path, node.textValue());
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> member : node.properties()) {
        String child = path + "." + member.getKey();
        text(child, member.getKey());
        json(child, member.getValue());
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        json(path + "[" + i + "]", node.get(i));
      }
    }
  }

  private void text(String location, String text) {
    for (Match m : Detectors.ALL.find(text)) {
      finds.add(new Find(m.detector(), location, m.in(text)));
    }
  }
}
