package dev.replaytwin.compare;

import java.util.List;

/** A gate policy that cannot be used, with every problem found, each naming its file, line and field. */
public final class GatePolicyException extends Exception {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  public GatePolicyException(List<String> problems) {
    super(problems.isEmpty() ? "invalid gate policy" : problems.get(0)
        + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, in file order. */
  public List<String> problems() {
    return problems;
  }
}
