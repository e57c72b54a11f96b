package dev.replaytwin.core.capture;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file that is not a capture, is of a version this reader does not know, or holds a corrupt block.
 * The message is one line naming the file and, where there is one, the byte offset.
 */
public class CaptureFormatException extends IOException {
  private final Path file;
  private final long offset;

  public CaptureFormatException(Path file, long offset, String message) {
    super(message);
    this.file = file;
    this.offset = offset;
  }

  /** The file at fault. */
  public Path file() {
    return file;
  }

  /** Byte offset of the damage in {@link #file()}, or -1 when the whole file is at fault. */
  public long offset() {
    return offset;
  }

  /** A corrupt block in the middle of a capture; readers may skip it when asked to. */
  public static final class Corrupt extends CaptureFormatException {
    public Corrupt(Path file, long offset, String reason) {
      super(file, offset, file + ": corrupt block at byte " + offset + " (" + reason + ")");
    }
  }
}
