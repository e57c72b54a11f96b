package dev.replaytwin.junit;

/**
 * A replay test that cannot be carried out: a capture or policy that is missing or invalid, a
 * target that is not a URL, a report directory that is not ours. The message is one line (a
 * policy's problems one per line) saying what is wrong and what to do.
 */
public final class ReplayTwinException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ReplayTwinException(String message) {
    super(message);
  }

  public ReplayTwinException(String message, Throwable cause) {
    super(message, cause);
  }
}
