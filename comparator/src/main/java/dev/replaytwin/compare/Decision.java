package dev.replaytwin.compare;

/**
 * What a comparison, an endpoint or a single check concluded, with the exit code {@code twin compare}
 * returns for it (ARCHITECTURE.md): 0 PASS, 1 FAIL, 3 INCONCLUSIVE.
 */
public enum Decision {
  /** Every check was measured well enough and stayed within its threshold. */
  PASS(0),
  /** At least one check crossed its threshold with enough evidence. */
  FAIL(1),
  /** Not enough evidence either way: too few samples, an invalid replay, a missing target. */
  INCONCLUSIVE(3);

  private final int exitCode;

  Decision(int exitCode) {
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }

  /** The worse of two: FAIL over INCONCLUSIVE over PASS. */
  public Decision worst(Decision other) {
    return rank() >= other.rank() ? this : other;
  }

  private int rank() {
    return switch (this) {
      case PASS -> 0;
      case INCONCLUSIVE -> 1;
      case FAIL -> 2;
    };
  }
}
