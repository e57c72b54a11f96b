package dev.replaytwin.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON text into maps, lists, strings, longs, doubles, booleans and nulls with jackson-core's
 * streaming parser, failing on anything that is not exactly one JSON value.
 */
final class JsonValues {
  private static final JsonFactory JSON = new JsonFactory();

  private JsonValues() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> parseObject(String text) {
    Object value = parse(text);
    if (!(value instanceof Map)) {
      throw new AssertionError("not a JSON object: " + text);
    }
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Map<String, Object> parent, String field) {
    return (Map<String, Object>) parent.get(field);
  }

  static Object parse(String text) {
    try (JsonParser parser = JSON.createParser(text)) {
      Object value = read(parser, parser.nextToken());
      if (parser.nextToken() != null) {
        throw new AssertionError("more than one JSON value in: " + text);
      }
      return value;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object read(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          map.put(name, read(parser, parser.nextToken()));
        }
        return map;
      }
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        for (JsonToken t; (t = parser.nextToken()) != JsonToken.END_ARRAY; ) {
          list.add(read(parser, t));
        }
        return list;
      }
      case VALUE_STRING -> {
        return parser.getText();
      }
      case VALUE_NUMBER_INT -> {
        return parser.getLongValue();
      }
      case VALUE_NUMBER_FLOAT -> {
        return parser.getDoubleValue();
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return parser.getBooleanValue();
      }
      case VALUE_NULL -> {
        return null;
      }
      default -> throw new AssertionError("unexpected JSON token " + token);
    }
  }
}
