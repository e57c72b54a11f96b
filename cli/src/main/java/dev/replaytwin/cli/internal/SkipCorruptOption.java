package dev.replaytwin.cli.internal;

import dev.replaytwin.core.capture.CaptureFormatException;
import dev.replaytwin.core.capture.ReadOptions;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/**
 * The {@code --skip-corrupt} option of the commands that read a capture through, as a picocli
 * mixin, with the read options and the error it implies.
 */
public final class SkipCorruptOption {
  @Option(names = "--skip-corrupt",
      description = "Skip corrupt blocks with a warning instead of stopping at the first one.")
  private boolean skipCorrupt;

  public boolean skipCorrupt() {
    return skipCorrupt;
  }

  /** Read options that skip corrupt blocks when asked and warn about every problem on {@code err}. */
  public ReadOptions readOptions(PrintWriter err) {
    return ReadOptions.defaults().skippingCorrupt(skipCorrupt)
        .reportingTo(problem -> err.println("warning: " + problem.describe()));
  }

  /** The one-line error for a corrupt block met without the option; {@code verb} says what rerunning does. */
  public static InvalidInputException stoppedAt(CaptureFormatException.Corrupt e, String verb) {
    return new InvalidInputException(e.getMessage() + " (rerun with --skip-corrupt to " + verb + " the other blocks)", e);
  }
}
