package dev.replaytwin.cli.internal;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.core.capture.CaptureHeader;
import dev.replaytwin.core.capture.CaptureProblem;
import dev.replaytwin.core.capture.ReadTotals;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything {@code twin capture stats} reports about one capture, gathered by reading it through.
 *
 * @param capture the capture as named on the command line
 * @param files the files it was read from, in order
 * @param header the header of the first file
 * @param totals what the reader went through: blocks, bytes
 * @param problems every problem found, in the order found
 * @param tally the figures over the exchanges
 */
public record CaptureStats(
    Path capture, List<Path> files, CaptureHeader header, ReadTotals totals, List<CaptureProblem> problems,
    CaptureTally tally) {

  public CaptureStats {
    requireNonNull(capture, "capture");
    files = List.copyOf(requireNonNull(files, "files"));
    requireNonNull(header, "header");
    requireNonNull(totals, "totals");
    problems = List.copyOf(requireNonNull(problems, "problems"));
    requireNonNull(tally, "tally");
  }

  /** Corrupt blocks found: their exchanges are missing from the figures. */
  public long corruptBlocks() {
    return problems.stream().filter(p -> p instanceof CaptureProblem.CorruptBlock).count();
  }

  /** Segments missing from a rotated capture. */
  public long missingSegments() {
    return problems.stream().filter(p -> p instanceof CaptureProblem.MissingSegment).count();
  }

  /** True when data was lost from the middle of the capture, not just from the end of a file. */
  public boolean damaged() {
    return corruptBlocks() + missingSegments() > 0;
  }

  /** Compressed payload bytes to uncompressed ones, e.g. 5.2 for 5.2:1; 0 when nothing was read. */
  public double compressionRatio() {
    return totals.compressedBytes() == 0 ? 0 : (double) totals.rawBytes() / totals.compressedBytes();
  }
}
