package dev.replaytwin.deploy.stubs.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replaytwin.core.Body;
import dev.replaytwin.core.HttpRequest;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The parts of a request a stub may match on, each a named field with one canonical value:
 * {@code query:NAME} (the decoded values, joined by {@link #MULTI}), {@code json:$.a.b[0]} (a JSON
 * leaf as JSON text; a null leaf counts as absent), {@code form:NAME} (decoded), and {@code body} (the whole body: its text, or
 * {@code base64:…} when it is not UTF-8). Which body fields a request has depends on its group's
 * {@link BodyMode}, so the requests of one method and path are compared field by field.
 */
public final class RequestFields {
  /** Joins the values of a repeated query or form parameter. */
  public static final String MULTI = "\u0000";
  /** JSON leaves looked at per body; a larger body's further leaves are left unmatched. */
  static final int MAX_JSON_LEAVES = 256;
  public static final String BASE64_PREFIX = "base64:";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SIMPLE_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private RequestFields() {}

  /** How the bodies of one group of requests are compared. */
  public enum BodyMode {
    /** No request has a body. */
    NONE,
    /** Every body is JSON: compared leaf by leaf. */
    JSON,
    /** Every body is a form ({@code application/x-www-form-urlencoded}): compared field by field. */
    FORM,
    /** Compared whole. */
    RAW;

    /** The mode for these requests: the most precise one every non-empty body allows. */
    public static BodyMode of(List<HttpRequest> requests) {
      boolean any = false;
      boolean allJson = true;
      boolean allForm = true;
      for (HttpRequest r : requests) {
        Body body = r.body();
        if (body.isEmpty()) {
          continue;
        }
        any = true;
        if (body.isTruncated()) {
          return RAW;
        }
        allJson &= parseJson(body) != null;
        allForm &= isForm(r);
      }
      return !any ? NONE : allJson ? JSON : allForm ? FORM : RAW;
    }
  }

  /** The fields of {@code request}, in the order they appear. */
  public static Map<String, String> of(HttpRequest request, BodyMode mode) {
    Map<String, String> fields = new LinkedHashMap<>();
    String origin = request.originForm();
    int q = origin.indexOf('?');
    if (q >= 0) {
      int hash = origin.indexOf('#', q);
      addPairs(origin.substring(q + 1, hash < 0 ? origin.length() : hash), "query:", fields);
    }
    Body body = request.body();
    if (body.isEmpty()) {
      return fields;
    }
    switch (mode) {
      case JSON -> {
        JsonNode root = parseJson(body);
        if (root != null) {
          int[] budget = {MAX_JSON_LEAVES};
          leaves(root, "$", budget, (path, leaf) -> {
            // WireMock's JSONPath matching cannot tell null from absent, so neither does the analysis.
            if (!leaf.isNull()) {
              fields.put("json:" + path, leaf.toString());
            }
          });
        }
      }
      case FORM -> addPairs(body.toUtf8(), "form:", fields);
      case RAW -> fields.put("body", text(body));
      case NONE -> { }
    }
    return fields;
  }

  /**
   * The plain values a message carries, for finding where a request's values came from: path
   * segments, query and form values, header values, JSON scalars (strings without quotes).
   */
  public static void values(HttpRequest request, Consumer<String> sink) {
    String path = request.path();
    for (String segment : path.split("/")) {
      if (!segment.isEmpty()) {
        sink.accept(segment);
        sink.accept(decode(segment));
      }
    }
    Map<String, String> fields = of(request, isForm(request) ? BodyMode.FORM : BodyMode.JSON);
    fields.forEach((name, value) -> {
      for (String v : value.split(MULTI, -1)) {
        sink.accept(plain(name, v));
      }
    });
    request.headers().entries().forEach(h -> sink.accept(h.value()));
  }

  /** The plain values of a response body (JSON scalars) and its headers. */
  public static void values(Body body, List<String> headerValues, Consumer<String> sink) {
    headerValues.forEach(sink);
    JsonNode root = body.isTruncated() ? null : parseJson(body);
    if (root != null) {
      leaves(root, "$", new int[] {MAX_JSON_LEAVES * 4}, (path, leaf) -> sink.accept(leaf.isTextual()
          ? leaf.textValue() : leaf.toString()));
    }
  }

  /** The value of field {@code name} as it would appear elsewhere: a JSON string without its quotes. */
  public static String plain(String name, String value) {
    if (name.startsWith("json:") && value.startsWith("\"")) {
      try {
        return JSON.readTree(value).textValue();
      } catch (JsonProcessingException e) {
        return value;
      }
    }
    return value;
  }

  /** The body as its UTF-8 text, or {@code base64:…} when it is not valid UTF-8. */
  public static String text(Body body) {
    byte[] bytes = body.toByteArray();
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return BASE64_PREFIX + Base64.getEncoder().encodeToString(bytes);
    }
  }

  private static boolean isForm(HttpRequest r) {
    return r.headers().first("Content-Type")
        .map(ct -> ct.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded"))
        .orElse(false);
  }

  static JsonNode parseJson(Body body) {
    if (body.isEmpty()) {
      return null;
    }
    byte first = body.asReadOnlyBuffer().get(0);
    // Only objects and arrays: a bare number or string is better compared whole.
    if (first != '{' && first != '[' && !Character.isWhitespace(first)) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(body.toByteArray());
      return node != null && node.isContainerNode() ? node : null;
    } catch (java.io.IOException e) {
      return null;
    }
  }

  private static void leaves(JsonNode node, String path, int[] budget, LeafSink sink) {
    if (budget[0] <= 0) {
      return;
    }
    if (node.isObject() && !node.isEmpty()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        leaves(e.getValue(), path + key(e.getKey()), budget, sink);
      }
    } else if (node.isArray() && !node.isEmpty()) {
      for (int i = 0; i < node.size(); i++) {
        leaves(node.get(i), path + "[" + i + "]", budget, sink);
      }
    } else {
      budget[0]--;
      sink.leaf(path, node);
    }
  }

  private static String key(String key) {
    return SIMPLE_KEY.matcher(key).matches() ? "." + key
        : "['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']";
  }

  private static void addPairs(String query, String prefix, Map<String, String> fields) {
    if (query.isEmpty()) {
      return;
    }
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      fields.merge(prefix + name, value, (a, b) -> a + MULTI + b);
    }
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  @FunctionalInterface
  private interface LeafSink {
    void leaf(String path, JsonNode leaf);
  }
}
