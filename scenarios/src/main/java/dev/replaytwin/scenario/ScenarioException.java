package dev.replaytwin.scenario;

import java.util.List;

/** A scenario (or a suite) that cannot run: every problem found, one line each with file, line and field. */
public final class ScenarioException extends Exception {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public ScenarioException(List<String> problems) {
    super(problems.isEmpty() ? "invalid scenario" : problems.get(0)
        + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, in file order. */
  public List<String> problems() {
    return problems;
  }
}
