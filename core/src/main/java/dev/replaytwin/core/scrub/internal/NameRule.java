package dev.replaytwin.core.scrub.internal;

import static java.util.Objects.requireNonNull;

/**
 * A rule for named values: headers, query parameters, form fields or cookies.
 *
 * @param ruleName reported in {@code scrubRulesFired} and the hit counters
 */
public record NameRule(NamePattern pattern, Action action, String ruleName) {
  public NameRule {
    requireNonNull(pattern, "pattern");
    requireNonNull(action, "action");
    requireNonNull(ruleName, "ruleName");
  }
}
