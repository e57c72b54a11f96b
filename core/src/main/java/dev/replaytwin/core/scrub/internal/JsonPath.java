package dev.replaytwin.core.scrub.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A path into a JSON document, in a small JSONPath dialect:
 * <ul>
 *   <li>{@code $} the root;
 *   <li>{@code .name} or {@code ['name']} a member (a name may hold {@code *} globs, and matches
 *       ignoring case);
 *   <li>{@code .*} or {@code [*]} any member or element;
 *   <li>{@code [3]} an array element;
 *   <li>{@code ..name}, or {@code .**.name}, any depth: zero or more levels, then {@code name}.
 * </ul>
 * Examples: {@code $.user.email}, {@code $.items[*].card}, {@code $..password}.
 */
public final class JsonPath {
  /** One step of a path. */
  public sealed interface Step {}

  /** A member whose name matches. */
  public record Member(NamePattern name) implements Step {}

  /** An array element at an index. */
  public record Element(int index) implements Step {}

  /** Any member or element. */
  public record AnyChild() implements Step {}

  /** Zero or more levels of anything. */
  public record AnyDepth() implements Step {}

  private static final int MAX_STEPS = 64;

  private final String text;
  private final List<Step> steps;

  private JsonPath(String text, List<Step> steps) {
    this.text = text;
    this.steps = List.copyOf(steps);
  }

  public String text() {
    return text;
  }

  public List<Step> steps() {
    return steps;
  }

  /**
   * Parses a path.
   *
   * @throws IllegalArgumentException with a message saying what is wrong where
   */
  public static JsonPath parse(String text) {
    if (!text.startsWith("$")) {
      throw new IllegalArgumentException("must start with $");
    }
    List<Step> steps = new ArrayList<>();
    int i = 1;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == '[') {
        i = bracket(text, i, steps);
      } else if (c == '.') {
        boolean deep = text.startsWith("..", i);
        i += deep ? 2 : 1;
        if (!deep && text.startsWith("**", i)) {
          deep = true;
          i += 2;
          if (i >= n || text.charAt(i) != '.') {
            throw new IllegalArgumentException("** must be followed by a step, as in $.**.name");
          }
          i++;
        }
        if (deep) {
          steps.add(new AnyDepth());
          if (i < n && text.charAt(i) == '[') {
            continue;
          }
        }
        i = name(text, i, steps);
      } else {
        throw new IllegalArgumentException("unexpected '" + c + "' at column " + (i + 1) + " (expected: . or [)");
      }
    }
    if (steps.size() > MAX_STEPS) {
      throw new IllegalArgumentException(steps.size() + " steps (expected: at most " + MAX_STEPS + ")");
    }
    return new JsonPath(text, steps);
  }

  private static int name(String text, int from, List<Step> steps) {
    int i = from;
    while (i < text.length() && text.charAt(i) != '.' && text.charAt(i) != '[') {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == ']' || c == '\'' || c == '"') {
        throw new IllegalArgumentException("unexpected '" + c + "' at column " + (i + 1) + " in a name"
            + " (use ['...'] for names with spaces or quotes)");
      }
      i++;
    }
    if (i == from) {
      throw new IllegalArgumentException("missing name at column " + (from + 1));
    }
    String name = text.substring(from, i);
    steps.add(name.equals("*") ? new AnyChild() : new Member(new NamePattern(name)));
    return i;
  }

  private static int bracket(String text, int from, List<Step> steps) {
    int close = text.indexOf(']', from);
    if (close < 0) {
      throw new IllegalArgumentException("unclosed [ at column " + (from + 1));
    }
    String inside = text.substring(from + 1, close);
    if (inside.equals("*")) {
      steps.add(new AnyChild());
    } else if (inside.length() >= 2 && (inside.charAt(0) == '\'' || inside.charAt(0) == '"')
        && inside.charAt(inside.length() - 1) == inside.charAt(0)) {
      String literal = inside.substring(1, inside.length() - 1);
      if (literal.isEmpty() || literal.indexOf('*') >= 0) {
        throw new IllegalArgumentException("[" + inside + "] at column " + (from + 1)
            + " (expected: a quoted name without *)");
      }
      steps.add(new Member(new NamePattern(literal)));
    } else if (!inside.isEmpty() && inside.chars().allMatch(Character::isDigit) && inside.length() < 10) {
      steps.add(new Element(Integer.parseInt(inside)));
    } else {
      throw new IllegalArgumentException("[" + inside + "] at column " + (from + 1)
          + " (expected: [*], [index] or ['name'])");
    }
    return close + 1;
  }

  /**
   * Text that the raw JSON must contain for this path to match anything (the longest literal of
   * the last member name), or {@code ""} when there is none.
   */
  public String requiredText() {
    if (!steps.isEmpty() && steps.get(steps.size() - 1) instanceof Member member) {
      return member.name().longestLiteral();
    }
    return "";
  }

  @Override
  public String toString() {
    return text;
  }
}
