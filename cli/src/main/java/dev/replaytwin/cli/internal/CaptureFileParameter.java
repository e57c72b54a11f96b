package dev.replaytwin.cli.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Parameters;

/**
 * The {@code FILE} parameter of the {@code twin capture} commands, as a picocli mixin:
 * {@code @Mixin private CaptureFileParameter capture;}.
 */
public final class CaptureFileParameter {
  @Parameters(index = "0", paramLabel = "FILE",
      description = "The capture: a .twcap file, or the name of a rotated capture (prod.twcap for prod.00000.twcap, ...).")
  private Path file;

  /**
   * The capture's path.
   *
   * @throws InvalidInputException when it names a directory
   */
  public Path path() {
    if (Files.isDirectory(file)) {
      throw new InvalidInputException(file + ": is a directory (expected: a .twcap capture file)", null);
    }
    return file;
  }
}
