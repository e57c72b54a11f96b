package dev.replaytwin.cli;

/**
 * The exit codes of every {@code twin} command, as the architecture fixes them. Scripts and CI
 * gates branch on these, so they never change meaning.
 */
public final class ExitCodes {
  /** Pass, or the command did what was asked. */
  public static final int OK = 0;
  /** A comparison found a regression. */
  public static final int REGRESSION = 1;
  /** An audit found what it looks for (personal data, for {@code twin capture audit}); the same code as a regression. */
  public static final int FINDINGS = REGRESSION;
  /** Bad usage or input: a missing or damaged file, an unknown option, a value that does not parse. */
  public static final int INVALID_INPUT = 2;
  /** Too little data or an invalid replay to judge. */
  public static final int INCONCLUSIVE = 3;
  /** A bug in twin: something failed that should not have. */
  public static final int INTERNAL_ERROR = 4;

  private ExitCodes() {}
}
