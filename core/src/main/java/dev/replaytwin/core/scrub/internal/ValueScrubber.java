package dev.replaytwin.core.scrub.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Scrubs single values: applies a rule's action to a whole value, or runs the policy's detectors
 * over a text and replaces what they find. Every other scrubber works through this one.
 * Thread-safe.
 */
public final class ValueScrubber {
  private final PolicyRules rules;
  private final Pseudonymiser pseudonymiser;
  private final Detectors detectors;

  public ValueScrubber(PolicyRules rules, Pseudonymiser pseudonymiser) {
    this.rules = rules;
    this.pseudonymiser = pseudonymiser;
    Set<Detector> enabled = EnumSet.noneOf(Detector.class);
    rules.detectors().forEach((d, a) -> {
      if (a != Action.KEEP) {
        enabled.add(d);
      }
    });
    this.detectors = new Detectors(enabled);
  }

  public PolicyRules rules() {
    return rules;
  }

  public Pseudonymiser pseudonymiser() {
    return pseudonymiser;
  }

  /** The detectors that run, those whose action is not keep. */
  public Detectors detectors() {
    return detectors;
  }

  /**
   * The value after {@code action}: {@code null} for drop, the marker for redact, the pseudonym,
   * or the value itself for keep. The rule fires when the value changed.
   */
  public String apply(Action action, String ruleName, String value, Firing firing) {
    String result = switch (action) {
      case KEEP -> value;
      case DROP -> null;
      case REDACT -> rules.redactMarker();
      case PSEUDONYMISE -> pseudonymiser.value(value);
    };
    if (result == null || !result.equals(value)) {
      firing.fire(ruleName);
    }
    return result;
  }

  /** {@code text} with every find replaced per its detector's action; the same instance when none. */
  public String detect(String text, Firing firing) {
    List<Match> finds = detectors.find(text);
    if (finds.isEmpty()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    int at = 0;
    for (Match m : finds) {
      out.append(text, at, m.start());
      Detector kind = m.detector();
      out.append(switch (rules.detectorAction(kind)) {
        case DROP -> "";
        case REDACT -> rules.redactMarker();
        case PSEUDONYMISE -> pseudonymiser.found(kind, m.in(text));
        case KEEP -> m.in(text);
      });
      firing.fire(kind.ruleName());
      at = m.end();
    }
    return out.append(text, at, text.length()).toString();
  }

  /**
   * Like {@link #detect} for a percent-encoded component: detectors read it decoded, and a changed
   * value is encoded again; the same instance when nothing was found.
   */
  public String detectEncoded(String raw, PercentCodec.Component component, Firing firing) {
    if (detectors.isEmpty()) {
      return raw;
    }
    String decoded = PercentCodec.decode(raw, component == PercentCodec.Component.FORM);
    String scrubbed = detect(decoded, firing);
    if (scrubbed == decoded) {
      return raw;
    }
    return PercentCodec.encode(scrubbed, component);
  }
}
