package dev.replaytwin.compare.diff.internal;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.util.Iterator;
import java.util.Map;

/**
 * Equality, hashing and display of JSON values, where numbers compare by value: {@code 1},
 * {@code 1.0} and {@code 1e0} are equal (Jackson's own {@code equals} tells them apart).
 */
public final class JsonValues {
  private JsonValues() {}

  /** Deep equality with numbers compared by value and object members in any order. */
  public static boolean equal(JsonNode a, JsonNode b) {
    if (a == b) {
      return true;
    }
    JsonNodeType type = a.getNodeType();
    if (type != b.getNodeType()) {
      return false;
    }
    switch (type) {
      case NUMBER:
        return sameNumber(a, b);
      case STRING:
        return a.textValue().equals(b.textValue());
      case BOOLEAN:
        return a.booleanValue() == b.booleanValue();
      case NULL:
      case MISSING:
        return true;
      case ARRAY:
        return equalArrays(a, b);
      case OBJECT:
        return equalObjects(a, b);
      default:
        return a.equals(b);
    }
  }

  private static boolean equalArrays(JsonNode a, JsonNode b) {
    int n = a.size();
    if (n != b.size()) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (!equal(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean equalObjects(JsonNode a, JsonNode b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (Map.Entry<String, JsonNode> member : a.properties()) {
      JsonNode other = b.get(member.getKey());
      if (other == null || !equal(member.getValue(), other)) {
        return false;
      }
    }
    return true;
  }

  /** Two number nodes, by value. */
  public static boolean sameNumber(JsonNode a, JsonNode b) {
    if ((a.isInt() || a.isLong()) && (b.isInt() || b.isLong())) {
      return a.longValue() == b.longValue();
    }
    if (a.isDouble() && b.isDouble()) {
      return a.doubleValue() == b.doubleValue();
    }
    if (!finite(a) || !finite(b)) {
      return a.doubleValue() == b.doubleValue();
    }
    return a.decimalValue().compareTo(b.decimalValue()) == 0;
  }

  private static boolean finite(JsonNode n) {
    return !(n.isDouble() || n.isFloat()) || Double.isFinite(n.doubleValue());
  }

  /** A hash consistent with {@link #equal}. */
  public static int hash(JsonNode node) {
    switch (node.getNodeType()) {
      case NUMBER:
        double d = node.doubleValue();
        return d == 0 ? 0 : Double.hashCode(d);
      case STRING:
        return node.textValue().hashCode();
      case BOOLEAN:
        return node.booleanValue() ? 1231 : 1237;
      case ARRAY: {
        int h = 1;
        for (int i = 0; i < node.size(); i++) {
          h = 31 * h + hash(node.get(i));
        }
        return h;
      }
      case OBJECT: {
        int h = 7;
        for (Map.Entry<String, JsonNode> member : node.properties()) {
          h += member.getKey().hashCode() ^ hash(member.getValue());
        }
        return h;
      }
      default:
        return node.getNodeType().ordinal();
    }
  }

  /**
   * The value as compact JSON, cut to at most {@code maxChars} characters (the last one then
   * {@code …}). Stops walking once the limit is reached, so large subtrees cost little.
   */
  public static String render(JsonNode node, int maxChars) {
    StringBuilder out = new StringBuilder(Math.min(maxChars + 1, 64));
    append(node, out, maxChars + 1);
    return cut(out, maxChars);
  }

  /** {@code text} cut to at most {@code maxChars} characters, the last one then {@code …}. */
  public static String cut(CharSequence text, int maxChars) {
    if (text.length() <= maxChars) {
      return text.toString();
    }
    return text.subSequence(0, maxChars - 1) + "…";
  }

  /** Appends {@code text} as a JSON string, stopping once {@code out} reaches {@code limit}. */
  private static void quote(String text, StringBuilder out, int limit) {
    out.append('"');
    int end = Math.min(text.length(), Math.max(0, limit - out.length()));
    int plain = 0;
    while (plain < end && text.charAt(plain) >= 0x20 && text.charAt(plain) != '"' && text.charAt(plain) != '\\') {
      plain++;
    }
    out.append(text, 0, plain);
    if (plain < end) {
      JsonStringEncoder.getInstance().quoteAsString(text.substring(plain, end), out);
    }
    out.append('"');
  }

  private static void append(JsonNode node, StringBuilder out, int limit) {
    if (out.length() >= limit) {
      return;
    }
    switch (node.getNodeType()) {
      case STRING:
        quote(node.textValue(), out, limit);
        return;
      case ARRAY:
        out.append('[');
        for (int i = 0; i < node.size() && out.length() < limit; i++) {
          if (i > 0) {
            out.append(',');
          }
          append(node.get(i), out, limit);
        }
        out.append(']');
        return;
      case OBJECT:
        out.append('{');
        Iterator<Map.Entry<String, JsonNode>> members = node.properties().iterator();
        boolean first = true;
        while (members.hasNext() && out.length() < limit) {
          Map.Entry<String, JsonNode> member = members.next();
          if (!first) {
            out.append(',');
          }
          first = false;
          quote(member.getKey(), out, limit);
          out.append(':');
          append(member.getValue(), out, limit);
        }
        out.append('}');
        return;
      default:
        // asText, not toString: toString runs a whole ObjectWriter, the cost of several diffs.
        out.append(node.isNull() ? "null" : node.asText());
    }
  }
}
