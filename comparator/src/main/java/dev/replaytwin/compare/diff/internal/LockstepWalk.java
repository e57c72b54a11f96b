package dev.replaytwin.compare.diff.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.replaytwin.compare.diff.DiffKind;
import dev.replaytwin.compare.diff.Difference;
import dev.replaytwin.core.Nullable;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * One walk over two JSON documents' tokens side by side, building no trees: the fast path of
 * {@link TreeWalk} for documents of the same shape, which most pairs of responses to one request
 * are. Scalars compare, and differences read, exactly as {@link TreeWalk} would have them.
 *
 * <p>{@link #compare} gives up, returning false, wherever {@link TreeWalk} could answer anything but
 * member-by-member scalar differences in document order: members named differently or in another
 * order, a member name given twice (a tree keeps the last value), containers of different types,
 * arrays of different lengths, any difference inside an array (it may be an {@link
 * DiffKind#ARRAY_ORDER}), a container at the depth limit, and anything that is not exactly one
 * well-formed JSON document. The caller then diffs the trees. Single use.
 */
public final class LockstepWalk {
  private final WalkLimits limits;
  private final MemberNames names = new MemberNames();
  private final FoundDifferences found;
  /** Containers on the path, which the parsers track too; read back only to report a difference. */
  private int depth;
  /** Arrays on the path; inside one, a difference ends the walk. */
  private int arrays;
  private @Nullable JsonParser left;
  private @Nullable JsonParser right;

  public LockstepWalk(WalkLimits limits) {
    this.limits = requireNonNull(limits, "limits");
    this.found = new FoundDifferences(limits.maxDifferences());
  }

  public List<Difference> differences() {
    return found.list();
  }

  public boolean differencesCapped() {
    return found.capped();
  }

  /**
   * Walks the two documents; false when it gave up and {@link TreeWalk} must decide, in which case
   * {@link #differences()} means nothing.
   */
  public boolean compare(byte[] leftBytes, byte[] rightBytes) {
    try (JsonParser l = BodyView.parser(leftBytes); JsonParser r = BodyView.parser(rightBytes)) {
      left = l;
      right = r;
      if (!value(l.nextToken(), r.nextToken())) {
        return false;
      }
      if (found.capped()) {
        // The tree walk stops here too, but trees exist only for whole, valid documents.
        MemberNames rightNames = names.copy();
        if (!skipToRootEnd(l, names) || !skipToRootEnd(r, rightNames)) {
          return false;
        }
      }
      return l.nextToken() == null && r.nextToken() == null;
    } catch (IOException | RuntimeException malformedOrUnusual) {
      return false;
    } finally {
      left = null;
      right = null;
    }
  }

  private boolean value(@Nullable JsonToken a, @Nullable JsonToken b) throws IOException {
    if (a == null || b == null) {
      return false;
    }
    if (a.isStructStart() || b.isStructStart()) {
      if (a != b || depth >= limits.maxDepth()) {
        return false;
      }
      return a == JsonToken.START_OBJECT ? object() : array();
    }
    return scalar(a, b);
  }

  private boolean object() throws IOException {
    depth++;
    names.enter();
    while (true) {
      JsonToken a = left.nextToken();
      JsonToken b = right.nextToken();
      if (a == JsonToken.END_OBJECT && b == JsonToken.END_OBJECT) {
        names.exit();
        depth--;
        return true;
      }
      if (a != JsonToken.FIELD_NAME || b != JsonToken.FIELD_NAME) {
        return false;
      }
      String name = left.currentName();
      // Names in both documents are equal, so checking the left one for repeats covers both.
      if (!name.equals(right.currentName()) || names.repeated(name)) {
        return false;
      }
      boolean walked = value(left.nextToken(), right.nextToken());
      if (!walked || found.capped()) {
        return walked;
      }
    }
  }

  private boolean array() throws IOException {
    depth++;
    arrays++;
    while (true) {
      JsonToken a = left.nextToken();
      JsonToken b = right.nextToken();
      if (a == JsonToken.END_ARRAY || b == JsonToken.END_ARRAY) {
        arrays--;
        depth--;
        return a == b;
      }
      if (!value(a, b)) {
        return false;
      }
    }
  }

  private boolean scalar(JsonToken a, JsonToken b) throws IOException {
    JsonNodeType ta = typeOf(a);
    JsonNodeType tb = typeOf(b);
    if (ta == null || tb == null) {
      return false;
    }
    if (ta == tb) {
      Boolean same = sameScalar(ta, a, b);
      if (same == null) {
        return false;
      }
      if (same) {
        return true;
      }
    }
    if (arrays > 0) {
      return false;
    }
    return report(ta == tb ? DiffKind.CHANGED_VALUE : DiffKind.CHANGED_TYPE);
  }

  /** Whether two scalars of one type are equal by {@link JsonValues#equal}; null to give up. */
  private @Nullable Boolean sameScalar(JsonNodeType type, JsonToken a, JsonToken b) throws IOException {
    switch (type) {
      case STRING:
        return sameText();
      case BOOLEAN:
        return a == b;
      case NULL:
        return true;
      default:
        break;
    }
    if (a == b && sameText()) {
      // The same spelling is the same value, without parsing it.
      return true;
    }
    if (a == JsonToken.VALUE_NUMBER_INT && b == JsonToken.VALUE_NUMBER_INT
        && left.getNumberType() != JsonParser.NumberType.BIG_INTEGER
        && right.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
      return left.getLongValue() == right.getLongValue();
    }
    if (a == JsonToken.VALUE_NUMBER_FLOAT && b == JsonToken.VALUE_NUMBER_FLOAT
        && ScalarNodes.isDouble(left) && ScalarNodes.isDouble(right)) {
      return left.getDoubleValue() == right.getDoubleValue();
    }
    JsonNode x = ScalarNodes.of(left, a);
    JsonNode y = ScalarNodes.of(right, b);
    return x == null || y == null ? null : JsonValues.sameNumber(x, y);
  }

  private boolean sameText() throws IOException {
    char[] x = left.getTextCharacters();
    int xFrom = left.getTextOffset();
    int n = left.getTextLength();
    char[] y = right.getTextCharacters();
    int yFrom = right.getTextOffset();
    return n == right.getTextLength() && Arrays.equals(x, xFrom, xFrom + n, y, yFrom, yFrom + n);
  }

  /** Records a difference at the current tokens, as {@link TreeWalk} does; false to give up. */
  private boolean report(DiffKind kind) throws IOException {
    if (!found.room()) {
      return true;
    }
    JsonNode x = ScalarNodes.of(left, left.currentToken());
    JsonNode y = ScalarNodes.of(right, right.currentToken());
    if (x == null || y == null) {
      return false;
    }
    PathStack path = new PathStack();
    pathTo(left.getParsingContext(), path);
    String at = path.concrete();
    found.add(new Difference(path.hasIndex() ? path.generalized() : at, at, kind,
        JsonValues.render(x, limits.maxValueChars()), JsonValues.render(y, limits.maxValueChars())));
    return true;
  }

  /** The path of the current value, from the parser's own record of where it is. */
  private static void pathTo(JsonStreamContext context, PathStack path) {
    if (context.inRoot()) {
      return;
    }
    pathTo(context.getParent(), path);
    if (context.inObject()) {
      path.pushMember(context.getCurrentName());
    } else {
      path.pushIndex(context.getCurrentIndex());
    }
  }

  private static @Nullable JsonNodeType typeOf(JsonToken t) {
    switch (t) {
      case VALUE_STRING:
        return JsonNodeType.STRING;
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return JsonNodeType.NUMBER;
      case VALUE_TRUE:
      case VALUE_FALSE:
        return JsonNodeType.BOOLEAN;
      case VALUE_NULL:
        return JsonNodeType.NULL;
      default:
        return null;
    }
  }

  /**
   * Reads on to the end of the root value, checking member names for repeats; false when a name
   * repeats. The parser itself refuses malformed input.
   */
  private static boolean skipToRootEnd(JsonParser p, MemberNames open) throws IOException {
    while (!p.getParsingContext().inRoot()) {
      JsonToken t = p.nextToken();
      if (t == null) {
        return false;
      }
      if (t == JsonToken.START_OBJECT) {
        open.enter();
      } else if (t == JsonToken.END_OBJECT) {
        open.exit();
      } else if (t == JsonToken.FIELD_NAME && open.repeated(p.currentName())) {
        return false;
      }
    }
    return true;
  }
}
