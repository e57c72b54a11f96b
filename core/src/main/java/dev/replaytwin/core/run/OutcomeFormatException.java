package dev.replaytwin.core.run;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file that is not an outcomes file, is of a format version this reader does not know, or holds a
 * damaged row. The message is one line naming the file and, for a row, its line number.
 */
public final class OutcomeFormatException extends IOException {
  private final Path file;
  private final long line;

  OutcomeFormatException(Path file, long line, String message, Throwable cause) {
    super(file + (line > 0 ? ": line " + line : "") + ": " + message, cause);
    this.file = file;
    this.line = line;
  }

  /** The file at fault. */
  public Path file() {
    return file;
  }

  /** The line of the damaged row, 1 for the header, or 0 when the whole file is at fault. */
  public long line() {
    return line;
  }
}
