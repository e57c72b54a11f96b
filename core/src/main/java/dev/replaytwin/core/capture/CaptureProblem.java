package dev.replaytwin.core.capture;

import java.nio.file.Path;

/** Something a reader found wrong with a capture but could read past. */
public sealed interface CaptureProblem {
  Path file();

  /** One line for a person. */
  String describe();

  /** The file ends inside a block: the writer was stopped mid-write; only that block is lost. */
  record TornTail(Path file, long offset, long bytes) implements CaptureProblem {
    @Override
    public String describe() {
      return file + ": torn last block at byte " + offset + " (" + bytes
          + " bytes of an unfinished block lost; the writer was stopped mid-write)";
    }
  }

  /** A block failed its checksum or did not decode and was skipped. */
  record CorruptBlock(Path file, long offset, String reason) implements CaptureProblem {
    @Override
    public String describe() {
      return file + ": corrupt block at byte " + offset + " skipped (" + reason + ")";
    }
  }

  /** The file has no end-of-segment marker: its writer did not close it. */
  record Unterminated(Path file) implements CaptureProblem {
    @Override
    public String describe() {
      return file + ": not closed by its writer (no end marker); every sealed block was read";
    }
  }

  /** A rotated capture has a gap in its segment numbers, or a segment from another capture. */
  record MissingSegment(Path file, String reason) implements CaptureProblem {
    @Override
    public String describe() {
      return file + ": " + reason;
    }
  }
}
