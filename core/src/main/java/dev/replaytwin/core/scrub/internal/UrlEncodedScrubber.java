package dev.replaytwin.core.scrub.internal;

/**
 * Scrubs {@code name=value&name=value} text: a query string, or a form body
 * ({@code application/x-www-form-urlencoded}). A named value goes to the first matching rule;
 * other values are read by the detectors. Pairs nothing changed keep their original encoding.
 */
final class UrlEncodedScrubber {
  private final ValueScrubber values;

  UrlEncodedScrubber(ValueScrubber values) {
    this.values = values;
  }

  /** The scrubbed text; the same instance when nothing changed. */
  String scrub(String encoded, NameRules rules, Firing firing) {
    DelimitedText pairs = new DelimitedText(encoded, '&');
    for (int i = 0; i < pairs.size(); i++) {
      String pair = pairs.part(i);
      if (!pair.isEmpty()) {
        pairs.replace(i, scrubPair(pair, rules, firing));
      }
    }
    return pairs.result();
  }

  /** The pair after scrubbing, {@code null} when dropped; the same instance when unchanged. */
  private String scrubPair(String pair, NameRules rules, Firing firing) {
    int eq = pair.indexOf('=');
    String rawName = eq < 0 ? pair : pair.substring(0, eq);
    String rawValue = eq < 0 ? "" : pair.substring(eq + 1);
    NameRule rule = rules.match(PercentCodec.decode(rawName, true));
    if (rule != null) {
      if (eq < 0) {
        return rule.action() == Action.DROP ? values.apply(rule.action(), rule.ruleName(), "", firing) : pair;
      }
      String value = PercentCodec.decode(rawValue, true);
      String result = values.apply(rule.action(), rule.ruleName(), value, firing);
      if (result == null) {
        return null;
      }
      return result.equals(value) ? pair : rawName + "=" + PercentCodec.encode(result, PercentCodec.Component.FORM);
    }
    String scrubbed = values.detectEncoded(rawValue, PercentCodec.Component.FORM, firing);
    return scrubbed == rawValue ? pair : rawName + "=" + scrubbed;
  }
}
