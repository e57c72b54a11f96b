package dev.replaytwin.cli.internal;

import dev.replaytwin.core.capture.CaptureFiles;
import dev.replaytwin.core.capture.CaptureProblem;
import dev.replaytwin.core.capture.CaptureReader;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds segments missing from the start of a rotated capture. {@link CaptureReader} reports gaps
 * between the segments it finds and a missing last one, but starts reading at the first segment on
 * disk without saying when segment 0 is not there.
 */
public final class LeadingSegments {
  private LeadingSegments() {}

  /**
   * The problem of a rotated capture, named by its base name, whose first file is not segment 0;
   * empty when the capture starts at segment 0, is a single file, or a segment was named directly.
   */
  public static Optional<CaptureProblem> missing(Path capture, CaptureReader reader) {
    int first = reader.header().segment();
    Path firstFile = reader.files().get(0);
    if (first == 0 || firstFile.equals(capture)) {
      return Optional.empty();
    }
    Path segment0 = CaptureFiles.segmentPath(capture, 0);
    boolean alreadyReported = reader.problems().stream()
        .anyMatch(p -> p instanceof CaptureProblem.MissingSegment && p.file().equals(segment0));
    return alreadyReported ? Optional.empty() : Optional.of(new CaptureProblem.MissingSegment(segment0,
        (first == 1 ? "segment 0 missing" : "segments 0.." + (first - 1) + " missing")
            + ": the capture starts at " + firstFile.getFileName()));
  }
}
