package dev.replaytwin.core.scrub.internal;

import dev.replaytwin.core.scrub.ScrubPolicyException;
import dev.replaytwin.core.yaml.YamlNode;
import dev.replaytwin.core.yaml.YamlTreeReader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads and validates a YAML scrub policy into {@link PolicyRules}, collecting every problem (with
 * its line and field) rather than stopping at the first. Unknown keys are problems: a typo must not
 * silently weaken a policy.
 */
public final class PolicyReader {
  private static final List<String> TOP_KEYS = List.of("version", "defaults", "redactMarker", "keepBinary",
      "maxDecodedBodyBytes", "headers", "query", "form", "cookies", "json", "detectors");
  private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");
  private static final int MIN_DECODED = 1024;
  private static final int MAX_DECODED = 256 << 20;

  private final String source;
  private final List<Problem> problems = new ArrayList<>();

  /** One problem, kept with its line so the report follows the file. */
  private record Problem(int line, String text) {}

  private PolicyReader(String source) {
    this.source = source;
  }

  /**
   * The policy in {@code text}; {@code source} names it in messages.
   *
   * @throws ScrubPolicyException listing every problem found
   */
  public static PolicyRules read(String source, String text) throws ScrubPolicyException {
    YamlNode root;
    try {
      root = YamlTreeReader.read(text);
    } catch (YamlTreeReader.SyntaxError e) {
      throw new ScrubPolicyException(List.of(source + ":" + e.line() + ": " + e.getMessage()));
    }
    PolicyReader reader = new PolicyReader(source);
    PolicyRules rules = reader.policy(root);
    if (!reader.problems.isEmpty()) {
      reader.problems.sort(java.util.Comparator.comparingInt(Problem::line));
      throw new ScrubPolicyException(reader.problems.stream().map(Problem::text).toList());
    }
    return rules;
  }

  private PolicyRules policy(YamlNode root) {
    if (!(root instanceof YamlNode.Mapping mapping)) {
      unexpected(root, "policy", "a mapping of policy settings");
      return null;
    }
    Map<String, YamlNode.Entry> top = entries(mapping, "", TOP_KEYS);
    YamlNode.Entry version = top.get("version");
    if (version != null && !(version.value() instanceof YamlNode.Scalar s && s.text().equals("1"))) {
      unexpected(version.value(), "version", "1");
    }
    boolean defaults = bool(top.get("defaults"), true);
    String marker = redactMarker(top.get("redactMarker"));
    List<MediaRange> keepBinary = keepBinary(top.get("keepBinary"));
    int maxDecoded = maxDecoded(top.get("maxDecodedBodyBytes"));
    List<NameRule> headers = nameRules(top.get("headers"), "header", true);
    List<NameRule> query = nameRules(top.get("query"), "param", false);
    List<NameRule> form = nameRules(top.get("form"), "field", false);
    List<NameRule> cookies = nameRules(top.get("cookies"), "cookie", false);
    List<JsonRule> json = jsonRules(top.get("json"));
    Map<Detector, Action> detectors = detectors(top.get("detectors"), defaults);
    if (defaults) {
      headers.addAll(DefaultRules.headers());
      query.addAll(DefaultRules.params("query"));
      form.addAll(DefaultRules.params("form"));
      cookies.addAll(DefaultRules.cookies());
      json.addAll(DefaultRules.json());
    }
    return new PolicyRules(defaults, marker, keepBinary, maxDecoded, new NameRules(headers), new NameRules(query),
        new NameRules(form), new NameRules(cookies), json, detectors);
  }

  private List<NameRule> nameRules(YamlNode.Entry entry, String targetKey, boolean headerNames) {
    List<NameRule> rules = new ArrayList<>();
    if (entry == null) {
      return rules;
    }
    String family = entry.key();
    String ruleFamily = targetKey.equals("param") ? "query" : targetKey.equals("field") ? "form" : targetKey;
    Map<String, String> seen = new HashMap<>();
    List<YamlNode.Mapping> items = ruleItems(entry, targetKey);
    for (int i = 0; i < items.size(); i++) {
      YamlNode.Mapping item = items.get(i);
      String path = family + "[" + i + "]";
      if (item == null) {
        continue;
      }
      Map<String, YamlNode.Entry> fields = entries(item, path, List.of(targetKey, "action", "name"));
      String target = requiredText(item, fields, path, targetKey);
      Action action = action(item, fields.get("action"), path);
      String name = ruleName(fields.get("name"), path);
      if (target != null && headerNames && !HEADER_NAME.matcher(target).matches()) {
        problem(fields.get(targetKey).value().line(), path + "." + targetKey,
            "\"" + target + "\" (expected: a header name, * for any run of characters)");
        target = null;
      }
      if (target == null || action == null) {
        continue;
      }
      NamePattern pattern = new NamePattern(target);
      String first = seen.putIfAbsent(pattern.text(), path);
      if (first != null) {
        problem(fields.get(targetKey).value().line(), path + "." + targetKey,
            "\"" + target + "\" is already covered by " + first + " (one rule per name)");
        continue;
      }
      rules.add(new NameRule(pattern, action, name != null ? name : ruleFamily + ":" + pattern.text()));
    }
    return rules;
  }

  private List<JsonRule> jsonRules(YamlNode.Entry entry) {
    List<JsonRule> rules = new ArrayList<>();
    if (entry == null) {
      return rules;
    }
    Map<String, String> seen = new HashMap<>();
    List<YamlNode.Mapping> items = ruleItems(entry, "path");
    for (int i = 0; i < items.size(); i++) {
      YamlNode.Mapping item = items.get(i);
      String path = "json[" + i + "]";
      if (item == null) {
        continue;
      }
      Map<String, YamlNode.Entry> fields = entries(item, path, List.of("path", "action", "name"));
      String text = requiredText(item, fields, path, "path");
      Action action = action(item, fields.get("action"), path);
      String name = ruleName(fields.get("name"), path);
      JsonPath jsonPath = null;
      if (text != null) {
        try {
          jsonPath = JsonPath.parse(text);
        } catch (IllegalArgumentException e) {
          problem(fields.get("path").value().line(), path + ".path", "\"" + text + "\": " + e.getMessage()
              + " (expected: a path like $.user.email, $.items[*].card or $..password)");
        }
      }
      if (jsonPath == null || action == null) {
        continue;
      }
      String first = seen.putIfAbsent(text.toLowerCase(java.util.Locale.ROOT), path);
      if (first != null) {
        problem(fields.get("path").value().line(), path + ".path", "\"" + text + "\" is already covered by " + first);
        continue;
      }
      rules.add(new JsonRule(jsonPath, action, name != null ? name : "json:" + text));
    }
    return rules;
  }

  /** The items of a rule list; {@code null} for an item that is not a mapping (reported). */
  private List<YamlNode.Mapping> ruleItems(YamlNode.Entry entry, String targetKey) {
    List<YamlNode.Mapping> items = new ArrayList<>();
    YamlNode value = entry.value();
    if (isNull(value)) {
      return items;
    }
    String expected = "a list of rules, each with " + targetKey + " and action";
    if (!(value instanceof YamlNode.Sequence sequence)) {
      unexpected(value, entry.key(), expected);
      return items;
    }
    for (int i = 0; i < sequence.items().size(); i++) {
      YamlNode item = sequence.items().get(i);
      if (item instanceof YamlNode.Mapping m) {
        items.add(m);
      } else {
        unexpected(item, entry.key() + "[" + i + "]", "a rule with " + targetKey + " and action");
        items.add(null);
      }
    }
    return items;
  }

  private Map<Detector, Action> detectors(YamlNode.Entry entry, boolean defaults) {
    Map<Detector, Action> detectors = defaults ? DefaultRules.detectors() : new EnumMap<>(Detector.class);
    if (entry == null || isNull(entry.value())) {
      return detectors;
    }
    if (!(entry.value() instanceof YamlNode.Mapping mapping)) {
      unexpected(entry.value(), "detectors", "a mapping of detector to action, e.g. email: pseudonymise");
      return detectors;
    }
    List<String> keys = new ArrayList<>();
    for (Detector d : Detector.values()) {
      keys.add(d.key());
    }
    for (Map.Entry<String, YamlNode.Entry> e : entries(mapping, "detectors.", keys).entrySet()) {
      Action action = action(mapping, e.getValue(), "detectors");
      if (action != null) {
        detectors.put(Detector.byKey(e.getKey()), action);
      }
    }
    return detectors;
  }

  private boolean bool(YamlNode.Entry entry, boolean otherwise) {
    if (entry == null) {
      return otherwise;
    }
    if (text(entry.value(), YamlNode.ScalarType.TRUE) != null) {
      return true;
    }
    if (text(entry.value(), YamlNode.ScalarType.FALSE) != null) {
      return false;
    }
    unexpected(entry.value(), entry.key(), "true or false");
    return otherwise;
  }

  private String redactMarker(YamlNode.Entry entry) {
    if (entry == null) {
      return PolicyRules.DEFAULT_REDACT_MARKER;
    }
    String marker = text(entry.value(), YamlNode.ScalarType.STRING);
    if (marker != null && marker.matches("[\\x20-\\x7e]{1,64}")) {
      return marker;
    }
    unexpected(entry.value(), "redactMarker", "1 to 64 printable ASCII characters");
    return PolicyRules.DEFAULT_REDACT_MARKER;
  }

  private List<MediaRange> keepBinary(YamlNode.Entry entry) {
    List<MediaRange> ranges = new ArrayList<>();
    if (entry == null || isNull(entry.value())) {
      return ranges;
    }
    if (!(entry.value() instanceof YamlNode.Sequence sequence)) {
      unexpected(entry.value(), "keepBinary", "a list of media types, e.g. [image/*, application/octet-stream]");
      return ranges;
    }
    for (int i = 0; i < sequence.items().size(); i++) {
      YamlNode item = sequence.items().get(i);
      String text = text(item, YamlNode.ScalarType.STRING);
      MediaRange range = text == null ? null : MediaRange.parse(text);
      if (range == null) {
        unexpected(item, "keepBinary[" + i + "]", "a media type like image/png, image/* or */*");
      } else {
        ranges.add(range);
      }
    }
    return ranges;
  }

  private int maxDecoded(YamlNode.Entry entry) {
    if (entry == null) {
      return PolicyRules.DEFAULT_MAX_DECODED_BODY_BYTES;
    }
    String number = text(entry.value(), YamlNode.ScalarType.INTEGER);
    if (number != null && number.matches("[0-9_]{1,12}")) {
      long value = Long.parseLong(number.replace("_", ""));
      if (value >= MIN_DECODED && value <= MAX_DECODED) {
        return (int) value;
      }
    }
    unexpected(entry.value(), "maxDecodedBodyBytes", "a number of bytes from " + MIN_DECODED + " to " + MAX_DECODED);
    return PolicyRules.DEFAULT_MAX_DECODED_BODY_BYTES;
  }

  private String requiredText(YamlNode.Mapping item, Map<String, YamlNode.Entry> fields, String path, String key) {
    YamlNode.Entry entry = fields.get(key);
    if (entry == null) {
      problem(item.line(), path, "missing \"" + key + "\"");
      return null;
    }
    String name = text(entry.value(), YamlNode.ScalarType.STRING, YamlNode.ScalarType.INTEGER);
    if (name != null && !name.isBlank()) {
      return name.strip();
    }
    unexpected(entry.value(), path + "." + key, "a non-empty name");
    return null;
  }

  private Action action(YamlNode.Mapping item, YamlNode.Entry entry, String path) {
    if (entry == null) {
      problem(item.line(), path, "missing \"action\" (expected: " + Action.EXPECTED + ")");
      return null;
    }
    String where = path.equals("detectors") ? "detectors." + entry.key() : path + ".action";
    String name = text(entry.value(), YamlNode.ScalarType.STRING);
    Action action = name == null ? null : Action.parse(name);
    if (action == null) {
      unexpected(entry.value(), where, Action.EXPECTED);
    }
    return action;
  }

  private String ruleName(YamlNode.Entry entry, String path) {
    if (entry == null) {
      return null;
    }
    String name = text(entry.value(), YamlNode.ScalarType.STRING);
    if (name != null && name.matches("[\\x21-\\x7e]{1,100}")) {
      return name;
    }
    unexpected(entry.value(), path + ".name", "1 to 100 printable ASCII characters without spaces");
    return null;
  }

  /** The entries of a mapping by key; unknown and repeated keys are reported and left out. */
  private Map<String, YamlNode.Entry> entries(YamlNode.Mapping mapping, String prefix, List<String> allowed) {
    Map<String, YamlNode.Entry> out = new LinkedHashMap<>();
    for (YamlNode.Entry e : mapping.entries()) {
      String where = prefix.isEmpty() || prefix.endsWith(".") ? prefix + e.key() : prefix + "." + e.key();
      if (!allowed.contains(e.key())) {
        problem(e.line(), where, "unknown key " + Suggestions.expectation(e.key(), allowed));
      } else if (out.containsKey(e.key())) {
        problem(e.line(), where, "repeated key (first at line " + out.get(e.key()).line() + ")");
      } else {
        out.put(e.key(), e);
      }
    }
    return out;
  }

  private static boolean isNull(YamlNode node) {
    return text(node, YamlNode.ScalarType.NULL) != null;
  }

  /** The text of a scalar of one of {@code types}, or {@code null}. */
  private static String text(YamlNode node, YamlNode.ScalarType... types) {
    if (node instanceof YamlNode.Scalar scalar) {
      for (YamlNode.ScalarType type : types) {
        if (scalar.type() == type) {
          return scalar.text();
        }
      }
    }
    return null;
  }

  /** Reports that {@code node}, at {@code path}, is not what was expected. */
  private void unexpected(YamlNode node, String path, String expected) {
    problem(node.line(), path, YamlNode.describe(node) + " (expected: " + expected + ")");
  }

  private void problem(int line, String path, String message) {
    problems.add(new Problem(line, source + ":" + line + ": " + path + ": " + message));
  }
}
