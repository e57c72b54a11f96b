package dev.replaytwin.core.scrub.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSON rules for a body declared JSON that does not parse, most often because the capture kept
 * only its start. Without a tree, paths cannot be followed, so a rule applies to every
 * {@code "name": value} whose name matches its last step ({@code $.user.password} covers every
 * {@code "password"}): a string value is pseudonymised when the rule says so, anything else a rule
 * covers is redacted (dropping cannot be done safely in text), up to the end of the text when the
 * value is cut off. Works on the body's bytes read as Latin-1, so other bytes stay as they were.
 */
final class JsonTextFallback {
  private static final Pattern MEMBER = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.){1,200}+)\"\\s*+:\\s*+");

  private final List<JsonRule> rules = new ArrayList<>();
  private final ValueScrubber values;

  JsonTextFallback(List<JsonRule> jsonRules, ValueScrubber values) {
    for (JsonRule rule : jsonRules) {
      List<JsonPath.Step> steps = rule.path().steps();
      if (!steps.isEmpty() && steps.get(steps.size() - 1) instanceof JsonPath.Member) {
        rules.add(rule);
      }
    }
    this.values = values;
  }

  /** {@code latin1} with covered values replaced; the same instance when none. */
  String scrub(String latin1, Firing firing) {
    if (rules.isEmpty()) {
      return latin1;
    }
    Matcher m = MEMBER.matcher(latin1);
    StringBuilder out = null;
    int copied = 0;
    int from = 0;
    while (from < latin1.length() && m.find(from)) {
      JsonRule rule = ruleFor(m.group(1));
      int valueStart = m.end();
      from = valueStart;
      if (rule == null) {
        continue;
      }
      int valueEnd = valueEnd(latin1, valueStart);
      from = Math.max(valueEnd, valueStart + 1);
      if (rule.action() == Action.KEEP || valueEnd == valueStart) {
        continue;
      }
      String replacement = replacement(rule, latin1.substring(valueStart, valueEnd));
      firing.fire(rule.ruleName());
      if (out == null) {
        out = new StringBuilder(latin1.length() + 16);
      }
      out.append(latin1, copied, valueStart).append(replacement);
      copied = valueEnd;
    }
    return out == null ? latin1 : out.append(latin1, copied, latin1.length()).toString();
  }

  private JsonRule ruleFor(String name) {
    for (JsonRule rule : rules) {
      List<JsonPath.Step> steps = rule.path().steps();
      if (((JsonPath.Member) steps.get(steps.size() - 1)).name().matches(name)) {
        return rule;
      }
    }
    return null;
  }

  private String replacement(JsonRule rule, String raw) {
    boolean string = raw.startsWith("\"") && raw.length() >= 2 && raw.endsWith("\"");
    if (rule.action() == Action.PSEUDONYMISE && string && raw.indexOf('\\') < 0) {
      String value = new String(raw.substring(1, raw.length() - 1).getBytes(StandardCharsets.ISO_8859_1),
          StandardCharsets.UTF_8);
      String pseudonym = values.pseudonymiser().value(value);
      return "\"" + new String(pseudonym.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1) + "\"";
    }
    return "\"" + values.rules().redactMarker().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** Where the value starting at {@code start} ends: its closing quote or bracket, or the text's end. */
  static int valueEnd(String text, int start) {
    int n = text.length();
    if (start >= n) {
      return n;
    }
    char first = text.charAt(start);
    if (first == '"') {
      return stringEnd(text, start);
    }
    if (first == '{' || first == '[') {
      int depth = 0;
      for (int i = start; i < n; i++) {
        char c = text.charAt(i);
        if (c == '"') {
          i = stringEnd(text, i) - 1;
        } else if (c == '{' || c == '[') {
          depth++;
        } else if ((c == '}' || c == ']') && --depth == 0) {
          return i + 1;
        }
      }
      return n;
    }
    int i = start;
    while (i < n && ",}] \t\r\n".indexOf(text.charAt(i)) < 0) {
      i++;
    }
    return i;
  }

  private static int stringEnd(String text, int quote) {
    for (int i = quote + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i + 1;
      }
    }
    return text.length();
  }
}
