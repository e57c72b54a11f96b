package dev.replaytwin.cli.internal;

/**
 * Input a command cannot work with, already said in the one line the user will read. Ends the
 * command with exit code 2.
 */
public final class InvalidInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidInputException(String line, Throwable cause) {
    super(line, cause);
  }
}
