package dev.replaytwin.core.scrub.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in rules a policy includes unless it says {@code defaults: false}: credentials are
 * redacted wherever they are named, cookie values are redacted, and every detector pseudonymises.
 */
public final class DefaultRules {
  /** Headers that carry credentials. */
  public static final List<String> HEADERS = List.of("authorization", "proxy-authorization", "x-api-key",
      "api-key", "x-auth-token", "*-token", "*-secret", "*api-key*");
  /** Query parameter and form field names that carry credentials. */
  public static final List<String> PARAMS = List.of("*password*", "passwd", "pwd", "*secret*", "*token",
      "*api-key*", "*api_key*", "*apikey*", "key", "*signature", "*credential*");
  /** JSON member names, at any depth, that carry credentials ({@code key} alone is too common). */
  public static final List<String> JSON_MEMBERS = List.of("*password*", "passwd", "pwd", "*secret*", "*token",
      "*api-key*", "*api_key*", "*apikey*", "*signature", "*credential*");

  private DefaultRules() {}

  static List<NameRule> headers() {
    return redacting("header", HEADERS);
  }

  static List<NameRule> params(String family) {
    return redacting(family, PARAMS);
  }

  static List<NameRule> cookies() {
    return redacting("cookie", List.of("*"));
  }

  static List<JsonRule> json() {
    List<JsonRule> rules = new ArrayList<>(JSON_MEMBERS.size());
    for (String name : JSON_MEMBERS) {
      JsonPath path = JsonPath.parse("$.." + name);
      rules.add(new JsonRule(path, Action.REDACT, "json:" + path.text()));
    }
    return rules;
  }

  static Map<Detector, Action> detectors() {
    Map<Detector, Action> all = new EnumMap<>(Detector.class);
    for (Detector d : Detector.values()) {
      all.put(d, Action.PSEUDONYMISE);
    }
    return all;
  }

  private static List<NameRule> redacting(String family, List<String> names) {
    List<NameRule> rules = new ArrayList<>(names.size());
    for (String name : names) {
      rules.add(new NameRule(new NamePattern(name), Action.REDACT, family + ":" + name));
    }
    return rules;
  }
}
