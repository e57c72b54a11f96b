package dev.replaytwin.core.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads one YAML document into {@link YamlNode}s with line numbers, using Jackson's YAML parser. */
public final class YamlTreeReader {
  private static final YAMLFactory YAML = YAMLFactory.builder().build();

  /** A document that is not YAML, with the line where reading failed. */
  public static final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;

    SyntaxError(int line, String message) {
      super(message);
      this.line = line;
    }

    public int line() {
      return line;
    }
  }

  private YamlTreeReader() {}

  /** The document's root; an empty document is an empty mapping. */
  public static YamlNode read(String text) throws SyntaxError {
    try (JsonParser parser = YAML.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return new YamlNode.Mapping(List.of(), 1);
      }
      YamlNode root = node(parser, first);
      if (parser.nextToken() != null) {
        throw new SyntaxError(line(parser), "a second YAML document (expected: one policy per file)");
      }
      return root;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String message = e.getOriginalMessage();
      int newline = message.indexOf('\n');
      throw new SyntaxError(at == null ? 1 : Math.max(1, at.getLineNr()),
          "not valid YAML: " + (newline < 0 ? message : message.substring(0, newline)).strip());
    } catch (IOException e) {
      throw new SyntaxError(1, "not readable: " + e.getMessage());
    }
  }

  private static YamlNode node(JsonParser parser, JsonToken token) throws IOException, SyntaxError {
    int line = line(parser);
    return switch (token) {
      case START_OBJECT -> {
        List<YamlNode.Entry> entries = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
          String key = parser.currentName();
          int keyLine = line(parser);
          entries.add(new YamlNode.Entry(key, keyLine, node(parser, parser.nextToken())));
        }
        yield new YamlNode.Mapping(entries, line);
      }
      case START_ARRAY -> {
        List<YamlNode> items = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          items.add(node(parser, t));
        }
        yield new YamlNode.Sequence(items, line);
      }
      case VALUE_STRING -> new YamlNode.Scalar(parser.getText(), YamlNode.ScalarType.STRING, line);
      case VALUE_NUMBER_INT -> new YamlNode.Scalar(parser.getText(), YamlNode.ScalarType.INTEGER, line);
      case VALUE_NUMBER_FLOAT -> new YamlNode.Scalar(parser.getText(), YamlNode.ScalarType.DECIMAL, line);
      case VALUE_TRUE -> new YamlNode.Scalar(parser.getText(), YamlNode.ScalarType.TRUE, line);
      case VALUE_FALSE -> new YamlNode.Scalar(parser.getText(), YamlNode.ScalarType.FALSE, line);
      case VALUE_NULL -> new YamlNode.Scalar("", YamlNode.ScalarType.NULL, line);
      default -> throw new SyntaxError(line, "unsupported YAML content (" + token + ")");
    };
  }

  private static int line(JsonParser parser) {
    return Math.max(1, parser.currentTokenLocation().getLineNr());
  }
}
