package dev.replaytwin.deploy.stubs;

/**
 * Stubs could not be made or served from what was given: no outbound exchanges in the captures, an
 * output directory that is not empty, a stubs directory without {@code stubs.json}. The message is
 * one line for the user saying what is wrong and what to do.
 */
public final class StubsException extends Exception {
  private static final long serialVersionUID = 1L;

  public StubsException(String message) {
    super(message);
  }

  public StubsException(String message, Throwable cause) {
    super(message, cause);
  }
}
