package dev.replaytwin.core.capture.internal;

/** A record inside a block whose checksum matched still did not decode: a writer bug or a forgery. */
public final class MalformedRecordException extends RuntimeException {
  public MalformedRecordException(String message) {
    super(message);
  }
}
