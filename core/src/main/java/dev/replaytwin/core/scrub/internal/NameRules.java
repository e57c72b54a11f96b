package dev.replaytwin.core.scrub.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An ordered list of name rules; the first that matches a name wins. Look-ups are memoised per
 * name as seen (traffic repeats a small set of header and parameter names), up to a bound so
 * that hostile traffic cannot grow the memo. Thread-safe.
 */
public final class NameRules {
  private static final int MEMO_LIMIT = 4096;

  private final List<NameRule> rules;
  private final ConcurrentHashMap<String, Optional<NameRule>> memo = new ConcurrentHashMap<>();

  public NameRules(List<NameRule> rules) {
    this.rules = List.copyOf(rules);
  }

  public List<NameRule> rules() {
    return rules;
  }

  /** The first rule matching {@code name}, or {@code null}. */
  public NameRule match(String name) {
    Optional<NameRule> known = memo.get(name);
    if (known != null) {
      return known.orElse(null);
    }
    NameRule found = null;
    for (NameRule rule : rules) {
      if (rule.pattern().matches(name)) {
        found = rule;
        break;
      }
    }
    if (memo.size() < MEMO_LIMIT) {
      memo.put(name, Optional.ofNullable(found));
    }
    return found;
  }
}
