package dev.replaytwin.core.scrub.internal;

import static java.util.Objects.requireNonNull;

/** A rule for the JSON values a path selects. */
public record JsonRule(JsonPath path, Action action, String ruleName) {
  public JsonRule {
    requireNonNull(path, "path");
    requireNonNull(action, "action");
    requireNonNull(ruleName, "ruleName");
  }
}
