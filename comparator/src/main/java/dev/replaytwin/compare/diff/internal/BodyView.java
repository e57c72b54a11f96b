package dev.replaytwin.compare.diff.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.replaytwin.core.Body;
import dev.replaytwin.core.Nullable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A whole response body seen as JSON, text, binary or empty. A body is tried as JSON when its
 * media type is {@code application/json} or {@code …+json}, or when its first non-blank byte is
 * {@code {} or {@code [}; it is JSON when it parses as exactly one document.
 */
public final class BodyView {
  /** The kinds of body. */
  public enum Kind { EMPTY, JSON, TEXT, BINARY }

  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private final Kind kind;
  private final @Nullable JsonNode tree;
  private final @Nullable String text;

  private BodyView(Kind kind, @Nullable JsonNode tree, @Nullable String text) {
    this.kind = kind;
    this.tree = tree;
    this.text = text;
  }

  public static BodyView of(Body body, String contentType) {
    return of(body.toByteArray(), contentType);
  }

  /** Like {@link #of(Body, String)} for a body's bytes, which must not change afterwards. */
  public static BodyView of(byte[] bytes, String contentType) {
    if (bytes.length == 0) {
      return new BodyView(Kind.EMPTY, null, null);
    }
    if (triedAsJson(bytes, contentType)) {
      try {
        return new BodyView(Kind.JSON, JSON.readTree(bytes), null);
      } catch (IOException notJson) {
        // Judged below as text or binary, like any other body.
      }
    }
    String text = utf8(bytes);
    return text == null ? new BodyView(Kind.BINARY, null, null) : new BodyView(Kind.TEXT, null, text);
  }

  /** True when {@link #of} would try to parse these bytes as JSON. */
  public static boolean triedAsJson(byte[] bytes, String contentType) {
    return bytes.length > 0 && (isJsonMediaType(contentType) || startsLikeJson(bytes));
  }

  /** A parser configured as the one that builds {@link #tree()}; the caller checks for trailing tokens. */
  static JsonParser parser(byte[] bytes) throws IOException {
    return JSON.createParser(bytes);
  }

  /** The factory of the nodes in {@link #tree()}. */
  static JsonNodeFactory nodes() {
    return JSON.getNodeFactory();
  }

  public Kind kind() {
    return kind;
  }

  /** The parsed document; only for {@link Kind#JSON}. */
  public JsonNode tree() {
    if (tree == null) {
      throw new IllegalStateException("not JSON: " + kind);
    }
    return tree;
  }

  /** The body shown in a difference, cut to {@code maxChars}. */
  public String show(Body body, String digest, int maxChars) {
    switch (kind) {
      case EMPTY:
        return "(empty)";
      case JSON:
        return JsonValues.render(tree, maxChars);
      case TEXT:
        return JsonValues.cut(text, maxChars);
      default:
        return JsonValues.cut("(" + body.length() + " bytes of binary" + (digest.isEmpty() ? "" : ", " + digest)
            + ")", maxChars);
    }
  }

  static boolean isJsonMediaType(String contentType) {
    int end = contentType.indexOf(';');
    if (end < 0) {
      end = contentType.length();
    }
    int start = 0;
    while (start < end && contentType.charAt(start) <= ' ') {
      start++;
    }
    while (end > start && contentType.charAt(end - 1) <= ' ') {
      end--;
    }
    // Called for every body: decide ASCII types without allocating. Other characters can change
    // length or become ASCII when lower-cased, so they take the general path.
    for (int i = start; i < end; i++) {
      if (contentType.charAt(i) >= 0x80) {
        return isJsonMediaTypeSlow(contentType);
      }
    }
    return asciiEqualsLower(contentType, start, end, "application/json")
        || (end - start >= "application/".length() + "+json".length()
            && asciiEqualsLower(contentType, start, start + "application/".length(), "application/")
            && asciiEqualsLower(contentType, end - "+json".length(), end, "+json"));
  }

  /** True when {@code text[from, to)} lower-cased is {@code lower}; ASCII only. */
  private static boolean asciiEqualsLower(String text, int from, int to, String lower) {
    if (to - from != lower.length()) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      }
      if (c != lower.charAt(i - from)) {
        return false;
      }
    }
    return true;
  }

  static boolean isJsonMediaTypeSlow(String contentType) {
    int semicolon = contentType.indexOf(';');
    String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim()
        .toLowerCase(Locale.ROOT);
    return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
  }

  static boolean startsLikeJson(byte[] bytes) {
    int i = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf
        ? 3 : 0;
    while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) {
      i++;
    }
    return i < bytes.length && (bytes[i] == '{' || bytes[i] == '[');
  }

  private static @Nullable String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
