package dev.replaytwin.core.scrub.internal;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A scrub policy as the scrubber applies it: the user's rules followed by the built-in defaults
 * (when included), in the order they are tried.
 *
 * @param usesDefaults whether the built-in rules are included
 * @param redactMarker what {@code redact} writes
 * @param keepBinary binary bodies of these types are kept (all others are dropped)
 * @param maxDecodedBodyBytes how far a compressed body is inflated, at most
 * @param detectors the action of each detector; a detector missing or set to keep does not run
 */
public record PolicyRules(
    boolean usesDefaults, String redactMarker, List<MediaRange> keepBinary, int maxDecodedBodyBytes,
    NameRules headers, NameRules query, NameRules form, NameRules cookies, List<JsonRule> json,
    Map<Detector, Action> detectors) {

  public static final String DEFAULT_REDACT_MARKER = "[REDACTED]";
  public static final int DEFAULT_MAX_DECODED_BODY_BYTES = 8 << 20;

  public PolicyRules {
    requireNonNull(redactMarker, "redactMarker");
    keepBinary = List.copyOf(keepBinary);
    requireNonNull(headers, "headers");
    requireNonNull(query, "query");
    requireNonNull(form, "form");
    requireNonNull(cookies, "cookies");
    json = List.copyOf(json);
    EnumMap<Detector, Action> copy = new EnumMap<>(Detector.class);
    copy.putAll(detectors);
    detectors = Collections.unmodifiableMap(copy);
  }

  /** The built-in policy: the defaults alone. */
  public static PolicyRules defaults() {
    return new PolicyRules(true, DEFAULT_REDACT_MARKER, List.of(), DEFAULT_MAX_DECODED_BODY_BYTES,
        new NameRules(DefaultRules.headers()), new NameRules(DefaultRules.params("query")),
        new NameRules(DefaultRules.params("form")), new NameRules(DefaultRules.cookies()), DefaultRules.json(),
        DefaultRules.detectors());
  }

  /** The action of a detector; {@link Action#KEEP} when it does not run. */
  public Action detectorAction(Detector detector) {
    return detectors.getOrDefault(detector, Action.KEEP);
  }

  /** Every rule name the policy can report, for counters that exist before their first hit. */
  public List<String> ruleNames() {
    java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
    for (NameRules rules : List.of(headers, query, form, cookies)) {
      rules.rules().forEach(r -> names.add(r.ruleName()));
    }
    json.forEach(r -> names.add(r.ruleName()));
    detectors.forEach((d, a) -> {
      if (a != Action.KEEP) {
        names.add(d.ruleName());
      }
    });
    names.addAll(BodyRules.ALL);
    return List.copyOf(names);
  }
}
