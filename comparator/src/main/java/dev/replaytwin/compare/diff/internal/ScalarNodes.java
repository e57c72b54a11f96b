package dev.replaytwin.compare.diff.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.replaytwin.core.Nullable;
import java.io.IOException;

/**
 * The node a tree built by {@link BodyView} holds for a scalar token, made the way Jackson's tree
 * deserializer makes it with {@link BodyView}'s settings (ints by their smallest type, other
 * numbers as doubles), so that equality and display match {@link TreeWalk}'s exactly.
 */
final class ScalarNodes {
  private ScalarNodes() {}

  /** The node for the parser's current scalar token; null when it is not one this class knows. */
  static @Nullable JsonNode of(JsonParser p, JsonToken t) throws IOException {
    JsonNodeFactory nodes = BodyView.nodes();
    switch (t) {
      case VALUE_STRING:
        return nodes.textNode(p.getText());
      case VALUE_TRUE:
        return nodes.booleanNode(true);
      case VALUE_FALSE:
        return nodes.booleanNode(false);
      case VALUE_NULL:
        return nodes.nullNode();
      case VALUE_NUMBER_INT:
        switch (p.getNumberType()) {
          case INT:
            return nodes.numberNode(p.getIntValue());
          case LONG:
            return nodes.numberNode(p.getLongValue());
          default:
            return nodes.numberNode(p.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        return isDouble(p) ? nodes.numberNode(p.getDoubleValue()) : null;
      default:
        return null;
    }
  }

  /**
   * True when the tree holds the current float token as a double, as it does unless the parser
   * already knows the number as a {@code BigDecimal} or {@code float}.
   */
  static boolean isDouble(JsonParser p) throws IOException {
    JsonParser.NumberTypeFP type = p.getNumberTypeFP();
    return type == JsonParser.NumberTypeFP.DOUBLE64 || type == JsonParser.NumberTypeFP.UNKNOWN;
  }
}
