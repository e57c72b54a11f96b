package dev.replaytwin.compare.diff.internal;

import static dev.replaytwin.compare.diff.internal.JsonTokens.END_ARRAY;
import static dev.replaytwin.compare.diff.internal.JsonTokens.END_OBJECT;
import static dev.replaytwin.compare.diff.internal.JsonTokens.FALSE;
import static dev.replaytwin.compare.diff.internal.JsonTokens.FLOAT;
import static dev.replaytwin.compare.diff.internal.JsonTokens.INT;
import static dev.replaytwin.compare.diff.internal.JsonTokens.NAME;
import static dev.replaytwin.compare.diff.internal.JsonTokens.NULL;
import static dev.replaytwin.compare.diff.internal.JsonTokens.START_ARRAY;
import static dev.replaytwin.compare.diff.internal.JsonTokens.START_OBJECT;
import static dev.replaytwin.compare.diff.internal.JsonTokens.STRING;
import static dev.replaytwin.compare.diff.internal.JsonTokens.TRUE;
import static java.nio.charset.StandardCharsets.ISO_8859_1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.replaytwin.compare.diff.DiffKind;
import dev.replaytwin.compare.diff.Difference;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@link LockstepWalk} on the tokens {@link JsonTokens} reads from bytes, rather than on a parser's:
 * two documents of the same shape walked side by side, their scalars compared and their
 * differences reported exactly as {@link TreeWalk} would. It gives up ({@link #compare} returns
 * false) wherever LockstepWalk does (members named differently or in another order, containers of
 * different types, arrays of different lengths, any difference inside an array, a container at the
 * depth limit). Single use.
 */
public final class TokenWalk {
  private static final int MAX_LONG_DIGITS = 18;

  private final int maxDifferences;
  private final int maxDepth;
  private final int maxValueChars;
  private final List<Difference> differences = new ArrayList<>(4);
  private boolean differencesCapped;
  /** The name token of the current member of each open container (-1 in arrays). */
  private int[] members = new int[8];

  public TokenWalk(int maxDifferences, int maxDepth, int maxValueChars) {
    this.maxDifferences = maxDifferences;
    this.maxDepth = maxDepth;
    this.maxValueChars = maxValueChars;
  }

  public List<Difference> differences() {
    return differences;
  }

  public boolean differencesCapped() {
    return differencesCapped;
  }

  /**
   * Walks the two documents; false when it gave up and a parser must decide, in which case
   * {@link #differences()} means nothing.
   */
  public boolean compare(JsonTokens left, JsonTokens right) {
    if (!left.namesChecked) {
      throw new IllegalArgumentException("left: read without checking its member names (expected: JsonTokens.of)");
    }
    int n = Math.min(left.count(), right.count());
    int depth = 0;
    int arrays = 0;
    for (int t = 0; t < n; t++) {
      int a = left.kind(t);
      int b = right.kind(t);
      if (a == NAME || b == NAME || a == END_OBJECT || b == END_OBJECT) {
        // Both documents are well formed and alike so far, so both are between members.
        if (a != b) {
          return false;
        }
        if (a == END_OBJECT) {
          depth--;
        } else if (left.sameText(t, right, t)) {
          members[depth - 1] = t;
        } else {
          return false;
        }
        continue;
      }
      if (a == END_ARRAY || b == END_ARRAY) {
        if (a != b) {
          return false;
        }
        depth--;
        arrays--;
        continue;
      }
      if (a == START_OBJECT || a == START_ARRAY || b == START_OBJECT || b == START_ARRAY) {
        if (a != b || depth >= maxDepth) {
          return false;
        }
        if (depth == members.length) {
          members = Arrays.copyOf(members, depth * 2);
        }
        members[depth++] = -1;
        if (a == START_ARRAY) {
          arrays++;
        }
        continue;
      }
      int same = sameScalar(left, right, t, a, b);
      if (same < 0) {
        return false;
      }
      if (same == 1) {
        continue;
      }
      if (arrays > 0) {
        return false; // inside an array a difference may be an ARRAY_ORDER
      }
      report(left, right, t, type(a) == type(b) ? DiffKind.CHANGED_VALUE : DiffKind.CHANGED_TYPE, depth);
      if (differencesCapped) {
        // The tree walk stops here too; both documents were read whole and well formed, and their
        // member names must not repeat past this point either.
        return right.namesChecked || JsonTokens.of(right.bytes) != null;
      }
    }
    return left.count() == right.count();
  }

  /** The scalar's JSON type, as {@link LockstepWalk} tells them apart. */
  private static int type(int kind) {
    return switch (kind) {
      case INT, FLOAT -> INT;
      case TRUE, FALSE -> TRUE;
      default -> kind;
    };
  }

  /** 1 when the two scalars are equal by {@link JsonValues#equal}, 0 when not, -1 to give up. */
  private static int sameScalar(JsonTokens left, JsonTokens right, int t, int a, int b) {
    if (type(a) != type(b)) {
      return 0;
    }
    switch (a) {
      case STRING:
        return left.sameText(t, right, t) ? 1 : 0;
      case TRUE:
      case FALSE:
        return a == b ? 1 : 0;
      case NULL:
        return 1;
      default:
        break;
    }
    if (a == b && left.sameBytes(t, right, t)) {
      return 1; // the same spelling is the same value
    }
    if (a == INT && b == INT && digits(left, t) <= MAX_LONG_DIGITS && digits(right, t) <= MAX_LONG_DIGITS) {
      return longValue(left, t) == longValue(right, t) ? 1 : 0;
    }
    if (a == FLOAT && b == FLOAT) {
      return doubleValue(left, t) == doubleValue(right, t) ? 1 : 0;
    }
    JsonNode x = node(left, t);
    JsonNode y = node(right, t);
    return JsonValues.sameNumber(x, y) ? 1 : 0;
  }

  /** Records a difference at token {@code t}, as {@link TreeWalk} does, or marks the walk capped. */
  private void report(JsonTokens left, JsonTokens right, int t, DiffKind kind, int depth) {
    if (differences.size() >= maxDifferences) {
      differencesCapped = true;
      return;
    }
    // Every container on the path is an object, whose current member names the step.
    String at = left.path(members[depth - 1]);
    if (at == null) {
      StringBuilder path = new StringBuilder(8 + depth * 8).append('$');
      for (int d = 0; d < depth; d++) {
        PathText.appendMember(path, left.text(members[d]));
      }
      at = path.toString();
      left.keepPath(members[depth - 1], at);
    }
    differences.add(new Difference(at, at, kind, render(left, t), render(right, t)));
  }

  /** {@link JsonValues#render} of the node for token {@code t}; a short plain string without building the node. */
  private String render(JsonTokens tokens, int t) {
    if (tokens.kind(t) == STRING && !tokens.escaped(t) && tokens.ascii(t)) {
      int from = tokens.from(t);
      int length = tokens.to(t) - from;
      if (length + 2 <= maxValueChars) {
        // Unescaped, it holds no quote, backslash or control character that quoting would escape.
        byte[] quoted = new byte[length + 2];
        quoted[0] = '"';
        System.arraycopy(tokens.bytes, from, quoted, 1, length);
        quoted[length + 1] = '"';
        return new String(quoted, ISO_8859_1);
      }
    }
    return JsonValues.render(node(tokens, t), maxValueChars);
  }

  /** The node a tree built by {@link BodyView} holds for scalar token {@code t}, as {@link ScalarNodes} makes it. */
  private static JsonNode node(JsonTokens tokens, int t) {
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
