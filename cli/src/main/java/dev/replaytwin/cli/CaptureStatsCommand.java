package dev.replaytwin.cli;

import dev.replaytwin.cli.internal.CaptureFileParameter;
import dev.replaytwin.cli.internal.CaptureStats;
import dev.replaytwin.cli.internal.CaptureTally;
import dev.replaytwin.cli.internal.StatsJsonRenderer;
import dev.replaytwin.cli.internal.StatsTextRenderer;
import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.capture.CaptureProblem;
import dev.replaytwin.core.capture.CaptureReader;
import dev.replaytwin.core.capture.ReadOptions;
import dev.replaytwin.core.endpoint.EndpointNamer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code twin capture stats FILE}: reads a whole capture, in constant memory, and reports what is in
 * it (records, time span, rates, endpoints, directions, bytes, header) and what is wrong with it.
 * Corrupt blocks are skipped and listed; the exit code is 2 when any block or segment was lost from
 * the middle of the capture, after the report.
 *
 * <pre>
 * twin capture stats prod.twcap --top 20
 * twin capture stats prod.twcap --json | jq .peakRate
 * </pre>
 */
@Command(
    name = "stats",
    description = "Summarize a capture: records, time span, mean and peak rate, top endpoints with their"
        + " status mix, traffic per direction and dependency, bytes, header, and every problem found."
        + " Exits 2 after the report when a corrupt block or a missing segment was found.",
    sortOptions = false)
public final class CaptureStatsCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Mixin private CaptureFileParameter capture;

  @Option(names = "--top", paramLabel = "N", defaultValue = "10",
      description = "Show the N busiest endpoints (default: ${DEFAULT-VALUE}).")
  private int top;

  @Option(names = "--json", description = "The report as one JSON object.")
  private boolean json;

  @Override
  public Integer call() throws IOException {
    if (top < 0) {
      throw new ParameterException(spec.commandLine(),
          "Invalid value for option '--top': " + top + " (expected: 0 or more)");
    }
    Path file = capture.path();
    CaptureStats stats = read(file);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      new StatsJsonRenderer(out).render(stats, top);
    } else {
      new StatsTextRenderer(out).render(stats, top);
    }
    PrintWriter err = spec.commandLine().getErr();
    if (stats.damaged()) {
      err.println("error: " + file + ": damaged capture: " + damage(stats)
          + " (the report lists them; its figures leave out what they held)");
    } else {
      for (CaptureProblem problem : stats.problems()) {
        err.println("warning: " + problem.describe());
      }
    }
    err.flush();
    return stats.damaged() ? ExitCodes.INVALID_INPUT : ExitCodes.OK;
  }

  private static String damage(CaptureStats stats) {
    List<String> parts = new ArrayList<>(2);
    if (stats.corruptBlocks() > 0) {
      parts.add(stats.corruptBlocks() + (stats.corruptBlocks() == 1 ? " corrupt block" : " corrupt blocks"));
    }
    if (stats.missingSegments() > 0) {
      parts.add(stats.missingSegments() + (stats.missingSegments() == 1 ? " missing segment" : " missing segments"));
    }
    return String.join(", ", parts);
  }

  private CaptureStats read(Path file) throws IOException {
    CaptureTally tally = new CaptureTally(EndpointNamer.defaults());
    try (CaptureReader reader = CaptureReader.open(file, ReadOptions.defaults().skippingCorrupt(true))) {
      for (Exchange e; (e = reader.next()) != null; ) {
        tally.add(e);
      }
      return new CaptureStats(file, reader.files(), reader.header(), reader.totals(), reader.problems(), tally);
    }
  }
}
