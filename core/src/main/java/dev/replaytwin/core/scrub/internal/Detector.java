package dev.replaytwin.core.scrub.internal;

/**
 * The kinds of personal data found by pattern, wherever they appear in text. The order is the
 * tie-break when two detectors find the same span: the more specific kind wins.
 */
public enum Detector {
  JWT("jwt", new JwtFinder()),
  EMAIL("email", new EmailFinder()),
  IBAN("iban", new IbanFinder()),
  CARD("card", new CardFinder()),
  SSN("ssn", new SsnFinder()),
  PHONE("phone", new PhoneFinder()),
  IPV6("ipv6", new Ipv6Finder()),
  IPV4("ipv4", new Ipv4Finder()),
  BEARER("bearer", new BearerFinder());

  private final String key;
  private final String ruleName;
  private final Finder finder;

  Detector(String key, Finder finder) {
    this.key = key;
    this.ruleName = "detector:" + key;
    this.finder = finder;
  }

  /** The name used in policies, e.g. {@code email}. */
  public String key() {
    return key;
  }

  /** The rule name reported when this detector changes something, e.g. {@code detector:email}. */
  public String ruleName() {
    return ruleName;
  }

  Finder finder() {
    return finder;
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
