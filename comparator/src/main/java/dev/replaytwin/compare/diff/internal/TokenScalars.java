package dev.replaytwin.compare.diff.internal;

import static dev.replaytwin.compare.diff.internal.JsonTokens.FALSE;
import static dev.replaytwin.compare.diff.internal.JsonTokens.FLOAT;
import static dev.replaytwin.compare.diff.internal.JsonTokens.INT;
import static dev.replaytwin.compare.diff.internal.JsonTokens.NULL;
import static dev.replaytwin.compare.diff.internal.JsonTokens.STRING;
import static dev.replaytwin.compare.diff.internal.JsonTokens.TRUE;
import static java.nio.charset.StandardCharsets.ISO_8859_1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;

/**
 * Scalar tokens compared, and shown, as {@link TreeWalk} compares and shows the nodes Jackson would
 * have made of them ({@link ScalarNodes}): numbers by value, strings by their decoded text.
 */
final class TokenScalars {
  private static final int MAX_LONG_DIGITS = 18;

  private TokenScalars() {}

  /** The scalar's JSON type, as {@link LockstepWalk} tells them apart. */
  static int type(int kind) {
    return switch (kind) {
      case INT, FLOAT -> INT;
      case TRUE, FALSE -> TRUE;
      default -> kind;
    };
  }

  /** 1 when the two scalars are equal by {@link JsonValues#equal}, 0 when not, -1 to give up. */
  static int same(JsonTokens left, int i, JsonTokens right, int j) {
    int a = left.kind(i);
    int b = right.kind(j);
    if (type(a) != type(b)) {
      return 0;
    }
    switch (a) {
      case STRING:
        return left.sameText(i, right, j) ? 1 : 0;
      case TRUE:
      case FALSE:
        return a == b ? 1 : 0;
      case NULL:
        return 1;
      default:
        break;
    }
    if (a == b && left.sameBytes(i, right, j)) {
      return 1; // the same spelling is the same value
    }
    if (a == INT && b == INT && digits(left, i) <= MAX_LONG_DIGITS && digits(right, j) <= MAX_LONG_DIGITS) {
      return longValue(left, i) == longValue(right, j) ? 1 : 0;
    }
    if (a == FLOAT && b == FLOAT) {
      return doubleValue(left, i) == doubleValue(right, j) ? 1 : 0;
    }
    return JsonValues.sameNumber(node(left, i), node(right, j)) ? 1 : 0;
  }

  /** {@link JsonValues#render} of the node for token {@code t}; a short plain string without building the node. */
  static String render(JsonTokens tokens, int t, int maxValueChars) {
    if (tokens.kind(t) == STRING && !tokens.escaped(t) && tokens.ascii(t)) {
      int from = tokens.from(t);
      int length = tokens.to(t) - from;
      if (length + 2 <= maxValueChars) {
        // Unescaped, it holds no quote, backslash or control character that quoting would escape,
        // so it reads as written, quotes and all.
        return new String(tokens.bytes, from - 1, length + 2, ISO_8859_1);
      }
    }
    return JsonValues.render(node(tokens, t), maxValueChars);
  }

  /** The node a tree built by {@link BodyView} holds for scalar token {@code t}, as {@link ScalarNodes} makes it. */
  static JsonNode node(JsonTokens tokens, int t) {
    JsonNodeFactory nodes = BodyView.nodes();
    return switch (tokens.kind(t)) {
      case STRING -> nodes.textNode(tokens.text(t));
      case TRUE -> nodes.booleanNode(true);
      case FALSE -> nodes.booleanNode(false);
      case NULL -> nodes.nullNode();
      case INT -> {
        if (digits(tokens, t) <= MAX_LONG_DIGITS) {
          long v = longValue(tokens, t);
          yield v == (int) v ? nodes.numberNode((int) v) : nodes.numberNode(v);
        }
        // As Jackson: a long when it fits, else a BigInteger.
        BigInteger v = new BigInteger(new String(tokens.bytes, tokens.from(t), tokens.to(t) - tokens.from(t),
            ISO_8859_1));
        yield v.bitLength() < Long.SIZE ? nodes.numberNode(v.longValue()) : nodes.numberNode(v);
      }
      case FLOAT -> nodes.numberNode(doubleValue(tokens, t));
      default -> throw new IllegalArgumentException("token " + t + " is not a scalar");
    };
  }

  private static int digits(JsonTokens tokens, int t) {
    int from = tokens.from(t);
    return tokens.to(t) - from - (tokens.bytes[from] == '-' ? 1 : 0);
  }

  /** An integer of at most 18 digits. */
  private static long longValue(JsonTokens tokens, int t) {
    byte[] b = tokens.bytes;
    int i = tokens.from(t);
    int to = tokens.to(t);
    boolean negative = b[i] == '-';
    if (negative) {
      i++;
    }
    long v = 0;
    for (; i < to; i++) {
      v = v * 10 + (b[i] - '0');
    }
    return negative ? -v : v;
  }

  /** What Jackson reads a fraction as: {@link Double#parseDouble} of its spelling. */
  private static double doubleValue(JsonTokens tokens, int t) {
    return Double.parseDouble(new String(tokens.bytes, tokens.from(t), tokens.to(t) - tokens.from(t), ISO_8859_1));
  }
}
