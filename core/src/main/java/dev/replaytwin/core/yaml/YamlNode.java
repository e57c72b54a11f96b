package dev.replaytwin.core.yaml;

import java.util.List;

/** A YAML document as a tree whose every node knows the line it starts on, for error messages. */
public sealed interface YamlNode {
  /** 1-based line of the node. */
  int line();

  /** What a scalar was written as. */
  enum ScalarType { STRING, INTEGER, DECIMAL, TRUE, FALSE, NULL }

  /** A scalar with its text as written. */
  record Scalar(String text, ScalarType type, int line) implements YamlNode {}

  /** A mapping, keys in the order written (duplicates kept, so they can be reported). */
  record Mapping(List<Entry> entries, int line) implements YamlNode {}

  /** One key of a mapping and its value. */
  record Entry(String key, int line, YamlNode value) {}

  /** A sequence. */
  record Sequence(List<YamlNode> items, int line) implements YamlNode {}

  /** What the node is, for messages: {@code a string}, {@code a list}, …. */
  static String describe(YamlNode node) {
    if (node instanceof Mapping) {
      return "a mapping";
    }
    if (node instanceof Sequence) {
      return "a list";
    }
    Scalar s = (Scalar) node;
    return switch (s.type()) {
      case STRING -> "\"" + s.text() + "\"";
      case NULL -> "nothing";
      default -> s.text();
    };
  }
}
