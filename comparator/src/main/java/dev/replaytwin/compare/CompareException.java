package dev.replaytwin.compare;

/** Input the comparator cannot judge (exit 2): a missing run, a target the run lacks, a policy naming an unknown endpoint. */
public final class CompareException extends Exception {
  private static final long serialVersionUID = 1L;

  public CompareException(String message) {
    super(message);
  }
}
