package dev.replaytwin.compare.diff;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.compare.diff.internal.FieldPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fields a gate policy tells the comparator to ignore, as patterns over {@link
 * Difference#field()} names.
 *
 * <h2>Syntax</h2>
 *
 * <ul>
 *   <li>{@code status}, {@code error}, {@code body}: those fields ({@code body} is the whole-body
 *       comparison of non-JSON or truncated bodies; it does not cover {@code $…} fields).
 *   <li>{@code header:NAME}: that header, ignoring case, such as {@code header:date};
 *       {@code header:*} every header.
 *   <li>A JSON path: {@code $} (the whole document) followed by steps:
 *       <ul>
 *         <li>{@code .name}: a member with exactly that name (case-sensitive, like JSON). The name
 *             runs to the next {@code .} or {@code [} and may not hold blanks, quotes, {@code ]} or
 *             {@code \}; other names are written {@code ['name']} or {@code ["name"]}, with
 *             {@code \\}, {@code \'}, {@code \"} and {@code \}{@code uXXXX} escapes, as in
 *             {@code $['a.b']};
 *         <li>{@code .*} or {@code [*]}: any one member or array element;
 *         <li>{@code ..step}: any depth, zero or more levels, then {@code step}, as in
 *             {@code $..timestamp}, {@code $..['x-id']}, {@code $..*}.
 *       </ul>
 *       Array indexes such as {@code [3]} are refused: differences are counted across all elements
 *       ({@code $.items[*].updatedAt}). A {@code *} inside a name is refused too: names match whole,
 *       so {@code $..id} never matches {@code $.idempotencyKey}.
 * </ul>
 *
 * <p>A pattern matches a field when it matches the field's path or the path of one of its ancestors:
 * {@code $.meta} ignores {@code $.meta.requestId} and everything else under {@code $.meta}. Every
 * {@link Difference#field()} and {@link Difference#path()} is itself a valid pattern.
 *
 * <pre>{@code
 * IgnoreRules rules = IgnoreRules.of(List.of("$.meta.requestId", "$.items[*].updatedAt", "$..timestamp", "header:date"));
 * rules.ignores("$.orders[*].timestamp");   // true
 * rules.ruleFor("$.meta.requestId");         // Optional[$.meta.requestId]
 * }</pre>
 */
public final class IgnoreRules {
  /** No rules: nothing is ignored. */
  public static final IgnoreRules NONE = new IgnoreRules(List.of(), List.of());

  private final List<String> patterns;
  private final List<FieldPattern> parsed;

  private IgnoreRules(List<String> patterns, List<FieldPattern> parsed) {
    this.patterns = patterns;
    this.parsed = parsed;
  }

  /**
   * Parses the patterns.
   *
   * @throws IllegalArgumentException on the first bad pattern, with a one-line message saying what
   *     is wrong, where, and the expected form
   */
  public static IgnoreRules of(List<String> patterns) {
    requireNonNull(patterns, "patterns");
    List<FieldPattern> parsed = new ArrayList<>(patterns.size());
    for (String pattern : patterns) {
      requireNonNull(pattern, "pattern");
      try {
        parsed.add(FieldPattern.parsePattern(pattern));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("ignore rule \"" + pattern + "\": " + e.getMessage() + expectedFor(e), e);
      }
    }
    return new IgnoreRules(List.copyOf(patterns), List.copyOf(parsed));
  }

  private static String expectedFor(IllegalArgumentException e) {
    return e.getMessage().contains("(expected: ") ? ""
        : " (expected: status, error, body, header:NAME, or a JSON path such as $.meta.requestId,"
            + " $.items[*].updatedAt or $..timestamp)";
  }

  /** The patterns as given. */
  public List<String> patterns() {
    return patterns;
  }

  /** True when some pattern matches {@code field} or one of its ancestors. */
  public boolean ignores(String field) {
    return ruleFor(field).isPresent();
  }

  /**
   * The first pattern that matches {@code field} or one of its ancestors; empty when none does, or
   * when {@code field} is not a field name.
   */
  public Optional<String> ruleFor(String field) {
    requireNonNull(field, "field");
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    FieldPattern target;
    try {
      target = FieldPattern.parseField(field);
    } catch (IllegalArgumentException notAField) {
      return Optional.empty();
    }
    for (int i = 0; i < parsed.size(); i++) {
      if (parsed.get(i).matches(target)) {
        return Optional.of(patterns.get(i));
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "IgnoreRules" + patterns;
  }
}
