package dev.replaytwin.core.scrub.internal;

/** What a rule does to the value it covers. */
public enum Action {
  /** Remove the header, parameter, field or cookie (a detector's find: remove the text). */
  DROP("drop"),
  /** Replace the value with the policy's redaction marker. */
  REDACT("redact"),
  /** Replace the value with its keyed, format-preserving pseudonym. */
  PSEUDONYMISE("pseudonymise"),
  /** Leave the value as it is; detectors do not look at it either. */
  KEEP("keep");

  /** The accepted names, for messages. */
  public static final String EXPECTED = "drop, redact, pseudonymise, keep";

  private final String yamlName;

  Action(String yamlName) {
    this.yamlName = yamlName;
  }

  public String yamlName() {
    return yamlName;
  }

  /** The action named {@code name} ({@code pseudonymize} is accepted too), or {@code null}. */
  public static Action parse(String name) {
    if (name.equals("pseudonymize")) {
      return PSEUDONYMISE;
    }
    for (Action a : values()) {
      if (a.yamlName.equals(name)) {
        return a;
      }
    }
    return null;
  }
}
