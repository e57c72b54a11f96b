package dev.replaytwin.deploy.manifests;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads annotations out of Java source text: where each {@code @Name(...)} is, its attributes, and
 * the field it annotates. Strings may hold any bracket; string literals are skipped while matching.
 * Just enough Java to read picocli's {@code @Command}, {@code @Option}, {@code @Parameters} and
 * {@code @Mixin} from the cli module's sources.
 */
final class JavaAnnotations {
  private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

  private JavaAnnotations() {}

  /** One annotation: its attributes (name to source text) and the field declaration after it. */
  record Annotation(Map<String, String> attributes, String fieldType, String fieldName) {
    /** The string literals of an attribute: {@code "a"} or {@code {"a", "b"}}; empty when absent. */
    List<String> strings(String attribute) {
      List<String> out = new ArrayList<>();
      Matcher m = STRING.matcher(attributes.getOrDefault(attribute, ""));
      while (m.find()) {
        out.add(m.group(1));
      }
      return out;
    }

    boolean isTrue(String attribute) {
      return "true".equals(attributes.getOrDefault(attribute, "").trim());
    }
  }

  /** Every {@code @name(...)} (and bare {@code @name}) in {@code source}, in order. */
  static List<Annotation> find(String source, String name) {
    List<Annotation> out = new ArrayList<>();
    Matcher m = Pattern.compile("@" + Pattern.quote(name) + "\\b").matcher(source);
    int from = 0;
    while (m.find(from)) {
      int i = m.end();
      while (i < source.length() && Character.isWhitespace(source.charAt(i))) {
        i++;
      }
      Map<String, String> attributes = Map.of();
      if (i < source.length() && source.charAt(i) == '(') {
        int close = closing(source, i);
        attributes = attributes(source.substring(i + 1, close));
        i = close + 1;
      }
      String[] field = field(source, i);
      out.add(new Annotation(attributes, field[0], field[1]));
      from = i;
    }
    return out;
  }

  /** The index of the {@code )} matching the {@code (} at {@code open}. */
  private static int closing(String s, int open) {
    int depth = 0;
    for (int i = open; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        i = stringEnd(s, i);
      } else if (c == '\'') {
        i = s.indexOf('\'', i + (s.charAt(i + 1) == '\\' ? 3 : 2));
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    throw new IllegalArgumentException("unbalanced ( at " + open);
  }

  private static int stringEnd(String s, int open) {
    for (int i = open + 1; i < s.length(); i++) {
      if (s.charAt(i) == '\\') {
        i++;
      } else if (s.charAt(i) == '"') {
        return i;
      }
    }
    throw new IllegalArgumentException("unterminated string at " + open);
  }

  /** {@code key = value} pairs separated by top-level commas. */
  private static Map<String, String> attributes(String body) {
    Map<String, String> out = new LinkedHashMap<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i <= body.length(); i++) {
      char c = i < body.length() ? body.charAt(i) : ',';
      if (c == '"') {
        i = stringEnd(body, i);
      } else if (c == '{' || c == '(') {
        depth++;
      } else if (c == '}' || c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        String pair = body.substring(start, Math.min(i, body.length()));
        int eq = pair.indexOf('=');
        if (eq > 0) {
          out.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        } else if (!pair.isBlank()) {
          out.put("value", pair.trim());
        }
        start = i + 1;
      }
    }
    return out;
  }

  /** The type and name of the field declared after an annotation: up to its {@code ;} or {@code =}. */
  private static String[] field(String source, int from) {
    int end = source.indexOf(';', from);
    String decl = source.substring(from, end < 0 ? source.length() : end);
    int eq = decl.indexOf('=');
    if (eq >= 0) {
      decl = decl.substring(0, eq);
    }
    decl = decl.replaceAll("@\\w+(\\([^)]*\\))?", " ")
        .replaceAll("\\b(private|protected|public|final|static|transient|volatile)\\b", " ")
        .trim();
    int space = decl.lastIndexOf(' ');
    if (space < 0) {
      return new String[] {"", decl};
    }
    return new String[] {decl.substring(0, space).trim(), decl.substring(space + 1).trim()};
  }
}
