package dev.replaytwin.core.scrub;

import java.util.List;

/**
 * A scrub policy that cannot be used, with every problem found in it: one line each, naming the
 * file, the line and the field, e.g.
 * {@code rules.yaml:12: headers[2].action: "hide" (expected: drop, redact, pseudonymise, keep)}.
 * The message is the problems, one per line.
 */
public final class ScrubPolicyException extends Exception {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public ScrubPolicyException(List<String> problems) {
    super(String.join("\n", problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("problems: [] (expected: at least one)");
    }
    this.problems = List.copyOf(problems);
  }

  /** The problems, in the order of the file. */
  public List<String> problems() {
    return problems;
  }
}
