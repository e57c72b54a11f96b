package dev.replaytwin.cli.internal;

import dev.replaytwin.cli.ExitCodes;
import dev.replaytwin.core.capture.CaptureFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * What the user is told when a command fails: one line for stderr and the exit code.
 *
 * @param exitCode one of {@link ExitCodes}
 * @param line the whole message, without a line break
 */
public record Failure(int exitCode, String line) {

  /** The failure an exception stands for: bad input is exit 2, anything unexpected is exit 4. */
  public static Failure of(Throwable thrown) {
    Throwable t = thrown instanceof UncheckedIOException && thrown.getCause() != null ? thrown.getCause() : thrown;
    if (t instanceof InvalidInputException || t instanceof CaptureFormatException) {
      return invalid(t.getMessage());
    }
    if (t instanceof NoSuchFileException e) {
      return invalid(e.getFile() + ": " + (e.getReason() != null ? e.getReason() : "no such file")
          + " (check the path)");
    }
    if (t instanceof AccessDeniedException e) {
      return invalid(e.getFile() + ": permission denied (check the file's permissions)");
    }
    if (t instanceof FileSystemException e && e.getFile() != null && e.getReason() != null) {
      return invalid(e.getFile() + ": " + e.getReason());
    }
    if (t instanceof IOException) {
      // The disk or the file, not twin: the user can act on it, so it is not an internal error.
      return invalid("cannot read: " + describe(t));
    }
    return new Failure(ExitCodes.INTERNAL_ERROR,
        "internal error: " + describe(t) + " (rerun with --verbose for details)");
  }

  private static Failure invalid(String message) {
    return new Failure(ExitCodes.INVALID_INPUT, "error: " + oneLine(message));
  }

  private static String describe(Throwable t) {
    String message = t.getMessage();
    return message == null || message.isBlank() ? t.getClass().getName() : oneLine(message);
  }

  /** Joins the lines of a message with "; " so the user always gets exactly one line. */
  static String oneLine(String message) {
    return message.strip().replaceAll("\\s*\\R\\s*", "; ");
  }
}
