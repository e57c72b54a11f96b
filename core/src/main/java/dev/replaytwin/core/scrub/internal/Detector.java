package dev.replaytwin.core.scrub.internal;

/**
 * The kinds of personal data found by pattern, wherever they appear in text. The order is the
 * tie-break when two detectors find the same span: the more specific kind wins.
 */
public enum Detector {
  JWT("jwt"),
  EMAIL("email"),
  IBAN("iban"),
  CARD("card"),
  SSN("ssn"),
  PHONE("phone"),
  IPV6("ipv6"),
  IPV4("ipv4"),
  BEARER("bearer");

  private final String key;
  private final String ruleName;

  Detector(String key) {
    this.key = key;
    this.ruleName = "detector:" + key;
  }

  /** The name used in policies, e.g. {@code email}. */
  public String key() {
    return key;
  }

  /** The rule name reported when this detector changes something, e.g. {@code detector:email}. */
  public String ruleName() {
    return ruleName;
  }

  /** The detector with the given policy name, or {@code null}. */
  public static Detector byKey(String key) {
    for (Detector d : values()) {
      if (d.key.equals(key)) {
        return d;
      }
    }
    return null;
  }
}
