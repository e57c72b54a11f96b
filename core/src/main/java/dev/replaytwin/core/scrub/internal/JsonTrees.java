package dev.replaytwin.core.scrub.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads and writes JSON bodies as trees, exactly: one document and nothing after it, decimals as
 * written ({@code 12.50} stays {@code 12.50}, never {@code 1.25E1}).
 */
final class JsonTrees {
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .build();

  private JsonTrees() {}

  /** The document in {@code json}, or {@code null} when it is not exactly one JSON document. */
  static JsonNode parse(byte[] json) {
    try {
      JsonNode root = MAPPER.readTree(json);
      return root == null || root.isMissingNode() ? null : root;
    } catch (IOException e) {
      return null;
    }
  }

  /** The tree written compactly as UTF-8. */
  static byte[] write(JsonNode tree) {
    try {
      return MAPPER.writeValueAsBytes(tree);
    } catch (JacksonException e) {
      throw new UncheckedIOException(e);
    }
  }
}
