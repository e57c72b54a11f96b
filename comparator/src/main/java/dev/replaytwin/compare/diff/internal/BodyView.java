package dev.replaytwin.compare.diff.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
    if (body.isEmpty()) {
      return new BodyView(Kind.EMPTY, null, null);
    }
    byte[] bytes = body.toByteArray();
    if (isJsonMediaType(contentType) || startsLikeJson(bytes)) {
      try {
        return new BodyView(Kind.JSON, JSON.readTree(bytes), null);
      } catch (IOException notJson) {
        // Judged below as text or binary, like any other body.
      }
    }
    String text = utf8(bytes);
    return text == null ? new BodyView(Kind.BINARY, null, null) : new BodyView(Kind.TEXT, null, text);
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
