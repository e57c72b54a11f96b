package dev.replaytwin.core.scrub.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scrubs a JSON document structurally: parsed into a tree, JSON rules applied to the values their
 * paths select (the first matching rule wins; its value is not looked into further), detectors
 * run over every other string and member name, and the tree written back. A document nothing
 * changed is returned byte for byte; a changed one is re-serialised compactly (numbers keep their
 * digits, as decimals are read exactly). Thread-safe.
 */
final class JsonScrubber {
  private final List<JsonRule> rules;
  private final JsonRuleMatcher matcher;
  private final ValueScrubber values;
  /** Texts one of which a document must hold for a rule to match. */
  private final LiteralSet requiredTexts;

  JsonScrubber(List<JsonRule> rules, ValueScrubber values) {
    this.rules = rules;
    this.matcher = new JsonRuleMatcher(rules);
    this.values = values;
    List<String> required = new ArrayList<>(rules.size());
    for (JsonRule rule : rules) {
      required.add(rule.path().requiredText());
    }
    this.requiredTexts = new LiteralSet(required);
  }

  /** The scrubbed document; {@code json} itself when unchanged, {@code null} when it is not JSON. */
  byte[] scrub(byte[] json, Firing firing) {
    if (!mayChange(json)) {
      return json;
    }
    JsonNode root = JsonTrees.parse(json);
    if (root == null) {
      return null;
    }
    JsonNode scrubbed = walk(root, matcher.start(), firing);
    if (scrubbed == root) {
      return json;
    }
    return JsonTrees.write(scrubbed == null ? NullNode.instance : scrubbed);
  }

  /**
   * A cheap look at the raw text first: with no escapes, strings read the same raw as parsed, so
   * when the detectors find nothing in the whole text and no rule's member name occurs in it,
   * nothing can change and parsing is skipped.
   */
  private boolean mayChange(byte[] json) {
    String raw = new String(json, StandardCharsets.ISO_8859_1);
    return raw.indexOf('\\') >= 0 || requiredTexts.occursIn(raw) || !values.detectors().find(raw).isEmpty();
  }

  /** The node after scrubbing, {@code null} when dropped; the same instance when unchanged. */
  private JsonNode walk(JsonNode node, long[] states, Firing firing) {
    if (matcher.anyMatched(states)) {
      return apply(rules.get(matcher.matched(states)), node, firing);
    }
    if (values.detectors().isEmpty() && JsonRuleMatcher.isEmpty(states)) {
      return node;
    }
    if (node.isObject()) {
      return object((ObjectNode) node, states, firing);
    }
    if (node.isArray()) {
      return array((ArrayNode) node, states, firing);
    }
    if (node.isTextual()) {
      String text = node.textValue();
      String scrubbed = values.detect(text, firing);
      return scrubbed == text ? node : TextNode.valueOf(scrubbed);
    }
    return node;
  }

  private JsonNode object(ObjectNode node, long[] states, Firing firing) {
    ObjectNode out = null;
    int index = 0;
    for (Map.Entry<String, JsonNode> member : node.properties()) {
      String name = member.getKey();
      JsonNode child = member.getValue();
      JsonNode scrubbed = walk(child, matcher.child(states, name, -1), firing);
      String scrubbedName = values.detect(name, firing);
      if (out == null && (scrubbed != child || scrubbedName != name)) {
        out = node.objectNode();
        int k = 0;
        for (Map.Entry<String, JsonNode> before : node.properties()) {
          if (k++ == index) {
            break;
          }
          out.set(before.getKey(), before.getValue());
        }
      }
      if (out != null && scrubbed != null) {
        out.set(scrubbedName, scrubbed);
      }
      index++;
    }
    return out == null ? node : out;
  }

  private JsonNode array(ArrayNode node, long[] states, Firing firing) {
    ArrayNode out = null;
    for (int i = 0; i < node.size(); i++) {
      JsonNode child = node.get(i);
      JsonNode scrubbed = walk(child, matcher.child(states, null, i), firing);
      if (out == null && scrubbed != child) {
        out = node.arrayNode(node.size());
        for (int k = 0; k < i; k++) {
          out.add(node.get(k));
        }
      }
      if (out != null && scrubbed != null) {
        out.add(scrubbed);
      }
    }
    return out == null ? node : out;
  }

  private JsonNode apply(JsonRule rule, JsonNode node, Firing firing) {
    String marker = values.rules().redactMarker();
    return switch (rule.action()) {
      case KEEP -> node;
      case DROP -> {
        firing.fire(rule.ruleName());
        yield null;
      }
      case REDACT -> {
        if (node.isTextual() && node.textValue().equals(marker)) {
          yield node;
        }
        firing.fire(rule.ruleName());
        yield TextNode.valueOf(marker);
      }
      case PSEUDONYMISE -> pseudonymise(node, rule.ruleName(), firing);
    };
  }

  /** Every string and number under {@code node} pseudonymised; names, booleans and nulls kept. */
  private JsonNode pseudonymise(JsonNode node, String ruleName, Firing firing) {
    if (node.isTextual()) {
      String value = values.apply(Action.PSEUDONYMISE, ruleName, node.textValue(), firing);
      return value.equals(node.textValue()) ? node : TextNode.valueOf(value);
    }
    if (node.isNumber()) {
      Number number = node.numberValue();
      String text = number instanceof BigDecimal d ? d.toPlainString() : number.toString();
      String pseudonym = values.pseudonymiser().number(text);
      if (pseudonym.equals(text)) {
        return node;
      }
      firing.fire(ruleName);
      boolean integral = pseudonym.indexOf('.') < 0 && pseudonym.indexOf('e') < 0 && pseudonym.indexOf('E') < 0;
      return integral ? JsonNodeFactory.instance.numberNode(new BigInteger(pseudonym))
          : JsonNodeFactory.instance.numberNode(new BigDecimal(pseudonym));
    }
    if (node.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      boolean changed = false;
      for (Map.Entry<String, JsonNode> member : node.properties()) {
        JsonNode value = pseudonymise(member.getValue(), ruleName, firing);
        changed |= value != member.getValue();
        out.set(member.getKey(), value);
      }
      return changed ? out : node;
    }
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode(node.size());
      boolean changed = false;
      for (JsonNode element : node) {
        JsonNode value = pseudonymise(element, ruleName, firing);
        changed |= value != element;
        out.add(value);
      }
      return changed ? out : node;
    }
    return node;
  }
}
