package dev.replaytwin.core.yaml;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.core.Nullable;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed reading of a YAML tree for our configuration files (scenarios, gate and scrub policies),
 * collecting every problem as {@code file:line: field: what is wrong (expected: …)} instead of
 * stopping at the first, so a user fixes a file in one pass. Unknown keys are problems: a
 * misspelled setting must never be silently ignored.
 *
 * <pre>{@code
 * YamlFields f = new YamlFields("scenario.yaml");
 * Map<String, YamlNode.Entry> top = f.entries(root, "", List.of("name", "replay"));
 * String name = f.text(top.get("name"), "name", "unnamed");
 * if (!f.problems().isEmpty()) { ... report f.problems() ... }
 * }</pre>
 */
public final class YamlFields {
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|ms|s|m|min|h)");

  private final String source;
  private final List<Problem> problems = new ArrayList<>();

  /** One problem, ordered by line. */
  public record Problem(int line, String text) {}

  /** @param source the file as messages name it */
  public YamlFields(String source) {
    this.source = requireNonNull(source, "source");
  }

  public String source() {
    return source;
  }

  /** Every problem so far as one line each, in line order. */
  public List<String> problems() {
    return problems.stream().sorted(Comparator.comparingInt(Problem::line)).map(Problem::text).toList();
  }

  public boolean hasProblems() {
    return !problems.isEmpty();
  }

  /** Records a problem with {@code field} at {@code line}. */
  public void problem(int line, String field, String text) {
    problems.add(new Problem(line, source + ":" + line + ": " + field + ": " + text));
  }

  /** Records a problem already written as {@code file:line: field: text} (by a nested reader), sorted by {@code line}. */
  public void problem(int line, String formatted) {
    problems.add(new Problem(line, formatted));
  }

  /** {@code parent.key}, or {@code key} at the top. */
  public static String path(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }

  /**
   * The entries of a mapping by key. A node that is not a mapping, a key not in {@code allowed} and
   * a key given twice are problems; the rest is returned.
   */
  public Map<String, YamlNode.Entry> entries(YamlNode node, String path, List<String> allowed) {
    Map<String, YamlNode.Entry> out = new LinkedHashMap<>();
    if (!(node instanceof YamlNode.Mapping m)) {
      problem(node.line(), path.isEmpty() ? "(top)" : path, YamlNode.describe(node) + " (expected: a mapping with "
          + String.join(", ", allowed) + ")");
      return out;
    }
    for (YamlNode.Entry e : m.entries()) {
      String at = path(path, e.key());
      if (!allowed.contains(e.key())) {
        problem(e.line(), at, "unknown key (expected one of: " + String.join(", ", allowed) + ")");
      } else if (out.putIfAbsent(e.key(), e) != null) {
        problem(e.line(), at, "given twice");
      }
    }
    return out;
  }

  /** Marks a missing required key: {@code path: missing (expected: …)} at the parent's line. */
  public void missing(int parentLine, String path, String expected) {
    problem(parentLine, path, "missing (expected: " + expected + ")");
  }

  /** A scalar's text (numbers and booleans as written), or {@code otherwise} when absent or wrong. */
  public @Nullable String text(@Nullable YamlNode.Entry entry, String path, @Nullable String otherwise) {
    if (entry == null) {
      return otherwise;
    }
    if (entry.value() instanceof YamlNode.Scalar s && s.type() != YamlNode.ScalarType.NULL && !s.text().isBlank()) {
      return s.text();
    }
    problem(entry.value().line(), path, YamlNode.describe(entry.value()) + " (expected: a non-empty value)");
    return otherwise;
  }

  /** A list of scalars (a single scalar counts as a list of one), or {@code otherwise}. */
  public List<String> texts(@Nullable YamlNode.Entry entry, String path, List<String> otherwise) {
    if (entry == null) {
      return otherwise;
    }
    if (entry.value() instanceof YamlNode.Scalar) {
      String one = text(entry, path, null);
      return one == null ? otherwise : List.of(one);
    }
    if (!(entry.value() instanceof YamlNode.Sequence seq)) {
      problem(entry.value().line(), path, YamlNode.describe(entry.value()) + " (expected: a list of values)");
      return otherwise;
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < seq.items().size(); i++) {
      YamlNode item = seq.items().get(i);
      if (item instanceof YamlNode.Scalar s && s.type() != YamlNode.ScalarType.NULL) {
        out.add(s.text());
      } else {
        problem(item.line(), path + "[" + i + "]", YamlNode.describe(item) + " (expected: a value)");
      }
    }
    return out;
  }

  /** A mapping of scalar values ({@code env:}), or {@code otherwise}. */
  public Map<String, String> textMap(@Nullable YamlNode.Entry entry, String path, Map<String, String> otherwise) {
    if (entry == null) {
      return otherwise;
    }
    if (!(entry.value() instanceof YamlNode.Mapping m)) {
      problem(entry.value().line(), path, YamlNode.describe(entry.value()) + " (expected: a mapping of NAME: value)");
      return otherwise;
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (YamlNode.Entry e : m.entries()) {
      if (e.value() instanceof YamlNode.Scalar s) {
        if (out.putIfAbsent(e.key(), s.type() == YamlNode.ScalarType.NULL ? "" : s.text()) != null) {
          problem(e.line(), path(path, e.key()), "given twice");
        }
      } else {
        problem(e.value().line(), path(path, e.key()), YamlNode.describe(e.value()) + " (expected: a value)");
      }
    }
    return out;
  }

  /** A number in [low, high], or {@code otherwise}. */
  public double number(@Nullable YamlNode.Entry entry, String path, double otherwise, double low, double high) {
    String t = text(entry, path, null);
    if (t == null) {
      return otherwise;
    }
    try {
      double v = Double.parseDouble(t);
      if (v >= low && v <= high) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problem(entry.value().line(), path, t + " (expected: a number from " + trim(low) + " to " + trim(high) + ")");
    return otherwise;
  }

  /** A share written {@code 5%} or {@code 0.05}, above 0 and at most 1; or {@code otherwise}. */
  public double share(@Nullable YamlNode.Entry entry, String path, double otherwise) {
    String t = text(entry, path, null);
    if (t == null) {
      return otherwise;
    }
    try {
      double v = t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1).trim()) / 100
          : Double.parseDouble(t);
      if (v > 0 && v <= 1) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problem(entry.value().line(), path, t + " (expected: a share above 0 and at most 1, e.g. 5% or 0.05)");
    return otherwise;
  }

  /** A whole number in [low, high], or {@code otherwise}. */
  public long integer(@Nullable YamlNode.Entry entry, String path, long otherwise, long low, long high) {
    String t = text(entry, path, null);
    if (t == null) {
      return otherwise;
    }
    try {
      long v = Long.parseLong(t);
      if (v >= low && v <= high) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problem(entry.value().line(), path, t + " (expected: a whole number from " + low + " to " + high + ")");
    return otherwise;
  }

  /** {@code true} or {@code false}, or {@code otherwise}. */
  public boolean bool(@Nullable YamlNode.Entry entry, String path, boolean otherwise) {
    if (entry == null) {
      return otherwise;
    }
    if (entry.value() instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.TRUE) {
      return true;
    }
    if (entry.value() instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.FALSE) {
      return false;
    }
    problem(entry.value().line(), path, YamlNode.describe(entry.value()) + " (expected: true or false)");
    return otherwise;
  }

  /**
   * A duration written {@code 300ms}, {@code 30s}, {@code 5m}, {@code 1.5h} or ISO-8601
   * ({@code PT30S}), at least {@code min}; or {@code otherwise}.
   */
  public @Nullable Duration duration(@Nullable YamlNode.Entry entry, String path, @Nullable Duration otherwise,
      Duration min) {
    String t = text(entry, path, null);
    if (t == null) {
      return otherwise;
    }
    Duration d = parseDuration(t);
    if (d == null || d.compareTo(min) < 0) {
      problem(entry.value().line(), path, t + " (expected: a duration" + (min.isZero() ? "" : " of at least "
          + min.toString().substring(2).toLowerCase(java.util.Locale.ROOT)) + ", e.g. 300ms, 30s, 5m)");
      return otherwise;
    }
    return d;
  }

  /** {@code 300ms}, {@code 30s}, {@code 5m}, {@code 1.5h}, {@code PT30S}; null when not a duration. */
  public static @Nullable Duration parseDuration(String text) {
    String t = text.trim();
    Matcher m = DURATION.matcher(t);
    if (m.matches()) {
      double v = Double.parseDouble(m.group(1));
      double nanos = v * switch (m.group(2)) {
        case "ns" -> 1;
        case "us" -> 1e3;
        case "ms" -> 1e6;
        case "s" -> 1e9;
        case "m", "min" -> 60e9;
        default -> 3600e9;
      };
      return nanos > Long.MAX_VALUE ? null : Duration.ofNanos(Math.round(nanos));
    }
    try {
      return t.startsWith("P") || t.startsWith("p") ? Duration.parse(t) : null;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** {@code 3} for 3.0, {@code 0.5} for 0.5. */
  public static String trim(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
