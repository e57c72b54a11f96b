package dev.replaytwin.compare.diff.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A parsed field name or ignore pattern; {@code IgnoreRules} documents the syntax. Fields
 * ({@code $.items[*].price}) parse with the same grammar as patterns, their {@code [*]} and
 * {@code [3]} steps standing for array elements, so a pattern is matched step by step, never as a
 * substring: {@code $..id} does not match {@code $.idempotencyKey}.
 */
public final class FieldPattern {
  /** The namespaces of the response-level fields. */
  public enum Namespace { STATUS, ERROR, BODY, HEADER, JSON }

  /** One step: a member by exact name, or any member or element ({@code name == null}). */
  record Step(String name, boolean deep) {
    boolean matches(Step field) {
      return name == null || name.equals(field.name);
    }
  }

  private static final int MAX_STEPS = 64;

  private final Namespace namespace;
  private final String header;
  private final List<Step> steps;

  private FieldPattern(Namespace namespace, String header, List<Step> steps) {
    this.namespace = namespace;
    this.header = header;
    this.steps = steps;
  }

  /**
   * Parses an ignore pattern.
   *
   * @throws IllegalArgumentException saying what is wrong and where, without the pattern itself
   */
  public static FieldPattern parsePattern(String text) {
    return parse(text, true);
  }

  /** Parses a field, as written in differences; array indexes stand for any element. */
  public static FieldPattern parseField(String text) {
    return parse(text, false);
  }

  private static FieldPattern parse(String text, boolean pattern) {
    switch (text) {
      case "status":
        return new FieldPattern(Namespace.STATUS, "", List.of());
      case "error":
        return new FieldPattern(Namespace.ERROR, "", List.of());
      case "body":
        return new FieldPattern(Namespace.BODY, "", List.of());
      default:
        break;
    }
    if (text.regionMatches(true, 0, "header:", 0, 7)) {
      return new FieldPattern(Namespace.HEADER, headerName(text.substring(7)), List.of());
    }
    if (text.isEmpty()) {
      throw new IllegalArgumentException("empty pattern");
    }
    if (text.charAt(0) != '$') {
      throw new IllegalArgumentException("unknown field " + firstWord(text));
    }
    return new FieldPattern(Namespace.JSON, "", new JsonSteps(text, pattern).parse());
  }

  private static String firstWord(String text) {
    int end = 0;
    while (end < text.length() && end < 40 && Character.isLetterOrDigit(text.charAt(end))) {
      end++;
    }
    return end == 0 ? "'" + text.charAt(0) + "'" : "\"" + text.substring(0, end) + "\"";
  }

  private static String headerName(String name) {
    if (name.equals("*")) {
      return name;
    }
    if (name.isEmpty()) {
      throw new IllegalArgumentException("missing header name after header:"
          + " (expected: header:NAME such as header:cache-control, or header:*)");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!isTokenChar(c)) {
        throw new IllegalArgumentException("'" + c + "' at column " + (i + 8) + " is not allowed in a header name"
            + " (expected: header:NAME such as header:cache-control, or header:*)");
      }
    }
    return name.toLowerCase(Locale.ROOT);
  }

  /** True when {@code name} is an RFC 9110 token, as header names are. */
  public static boolean isHeaderName(String name) {
    return !name.isEmpty() && name.chars().allMatch(c -> isTokenChar((char) c));
  }

  private static boolean isTokenChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }

  public Namespace namespace() {
    return namespace;
  }

  /**
   * True when this pattern matches {@code field} or one of its ancestors, so {@code $.meta} matches
   * {@code $.meta.requestId}.
   */
  public boolean matches(FieldPattern field) {
    if (namespace != field.namespace) {
      return false;
    }
    if (namespace == Namespace.HEADER) {
      return header.equals("*") || header.equals(field.header);
    }
    return namespace != Namespace.JSON || matchFrom(0, field.steps, 0);
  }

  private boolean matchFrom(int i, List<Step> field, int j) {
    if (i == steps.size()) {
      return true;
    }
    Step step = steps.get(i);
    if (!step.deep()) {
      return j < field.size() && step.matches(field.get(j)) && matchFrom(i + 1, field, j + 1);
    }
    for (int k = j; k < field.size(); k++) {
      if (step.matches(field.get(k)) && matchFrom(i + 1, field, k + 1)) {
        return true;
      }
    }
    return false;
  }

  /** The steps of a JSON path, from the character after {@code $}. */
  private static final class JsonSteps {
    private final String text;
    private final boolean pattern;
    private final List<Step> steps = new ArrayList<>();
    private int at = 1;

    JsonSteps(String text, boolean pattern) {
      this.text = text;
      this.pattern = pattern;
    }

    List<Step> parse() {
      while (at < text.length()) {
        char c = text.charAt(at);
        boolean deep = false;
        if (c == '.') {
          deep = text.startsWith("..", at);
          at += deep ? 2 : 1;
          if (at >= text.length()) {
            throw new IllegalArgumentException(deep ? "nothing after .. (expected: a step, as in $..timestamp)"
                : "missing name at column " + (at + 1) + " (expected: .name, ['name'] or .*)");
          }
          if (text.charAt(at) == '[') {
            if (!deep) {
              throw new IllegalArgumentException("'.[' at column " + at + " (expected: .name or ['name'])");
            }
            at++;
            steps.add(bracket(true));
          } else {
            steps.add(dotted(deep));
          }
        } else if (c == '[') {
          at++;
          steps.add(bracket(false));
        } else {
          throw new IllegalArgumentException("unexpected '" + c + "' at column " + (at + 1) + " (expected: . or [)");
        }
        if (steps.size() > MAX_STEPS) {
          throw new IllegalArgumentException("more than " + MAX_STEPS + " steps");
        }
      }
      return List.copyOf(steps);
    }

    private Step dotted(boolean deep) {
      int from = at;
      while (at < text.length() && text.charAt(at) != '.' && text.charAt(at) != '[') {
        char c = text.charAt(at);
        if (Character.isWhitespace(c) || c == ']' || c == '\'' || c == '"' || c == '\\') {
          throw new IllegalArgumentException("unexpected '" + c + "' at column " + (at + 1)
              + " in a name (expected: ['...'] around names with such characters)");
        }
        at++;
      }
      String name = text.substring(from, at);
      if (name.isEmpty()) {
        throw new IllegalArgumentException("missing name at column " + (from + 1) + " (expected: .name, ['name'] or .*)");
      }
      if (name.equals("*")) {
        return new Step(null, deep);
      }
      if (name.indexOf('*') >= 0) {
        throw new IllegalArgumentException("'*' inside the name \"" + name + "\" at column " + (from + 1)
            + " (expected: names match exactly; * is a whole step, .* or [*])");
      }
      return new Step(name, deep);
    }

    private Step bracket(boolean deep) {
      int open = at - 1;
      if (at >= text.length()) {
        throw new IllegalArgumentException("unclosed [ at column " + (open + 1) + " (expected: ['name'] or [*])");
      }
      char c = text.charAt(at);
      if (c == '\'' || c == '"') {
        String name = quoted(c, open);
        expectClose(open);
        return new Step(name, deep);
      }
      int close = text.indexOf(']', at);
      if (close < 0) {
        throw new IllegalArgumentException("unclosed [ at column " + (open + 1) + " (expected: ['name'] or [*])");
      }
      String inside = text.substring(at, close);
      at = close + 1;
      if (inside.equals("*")) {
        return new Step(null, deep);
      }
      if (!inside.isEmpty() && inside.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
        if (pattern) {
          throw new IllegalArgumentException("array index [" + inside + "] at column " + (open + 1)
              + " (expected: [*]; differences are counted across all elements of an array)");
        }
        return new Step(null, deep);
      }
      throw new IllegalArgumentException("[" + inside + "] at column " + (open + 1) + " (expected: ['name'] or [*])");
    }

    private String quoted(char quote, int open) {
      StringBuilder name = new StringBuilder();
      at++;
      while (at < text.length()) {
        char c = text.charAt(at++);
        if (c == quote) {
          return name.toString();
        }
        if (c != '\\') {
          name.append(c);
          continue;
        }
        if (at >= text.length()) {
          break;
        }
        char e = text.charAt(at++);
        if (e == '\\' || e == '\'' || e == '"') {
          name.append(e);
        } else if (e == 'u' && at + 4 <= text.length() && isHex(text.substring(at, at + 4))) {
          name.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
          at += 4;
        } else {
          throw new IllegalArgumentException("unknown escape \\" + e + " at column " + (at - 1)
              + " (expected: \\\\, \\', \\\" or \\uXXXX)");
        }
      }
      throw new IllegalArgumentException("unterminated name at column " + (open + 2) + " (expected: ['name'])");
    }

    private void expectClose(int open) {
      if (at >= text.length() || text.charAt(at) != ']') {
        throw new IllegalArgumentException("missing ] after the name opened at column " + (open + 1)
            + " (expected: ['name'])");
      }
      at++;
    }

    private static boolean isHex(String s) {
      return s.chars().allMatch(ch -> Character.digit(ch, 16) >= 0);
    }
  }
}
