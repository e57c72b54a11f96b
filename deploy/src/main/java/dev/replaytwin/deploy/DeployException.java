package dev.replaytwin.deploy;

/**
 * A twin could not be started or reached. The message is one line for the user saying what went
 * wrong and what to do; {@link #details()} holds what helps diagnose it (the process's last output).
 */
public final class DeployException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String details;

  public DeployException(String message) {
    this(message, "", null);
  }

  public DeployException(String message, String details, Throwable cause) {
    super(message, cause);
    this.details = details == null ? "" : details;
  }

  /** Further lines (the twin's last output), or empty. */
  public String details() {
    return details;
  }
}
