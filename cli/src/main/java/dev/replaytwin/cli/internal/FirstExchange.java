package dev.replaytwin.cli.internal;

import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.capture.CaptureReader;
import dev.replaytwin.core.capture.ReadOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Where a capture starts, which relative times such as {@code --from +30s} count from. */
public final class FirstExchange {
  private FirstExchange() {}

  /**
   * The capture time of the first exchange in file order, empty for a capture with none. Problems are
   * not reported here: the read that follows finds and reports them.
   */
  public static OptionalLong captureTime(Path file, boolean skipCorrupt) throws IOException {
    try (CaptureReader reader = CaptureReader.open(file, ReadOptions.defaults().skippingCorrupt(skipCorrupt))) {
      Exchange first = reader.next();
      return first == null ? OptionalLong.empty() : OptionalLong.of(first.captureTimeNanos());
    }
  }
}
