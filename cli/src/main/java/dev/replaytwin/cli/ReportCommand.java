package dev.replaytwin.cli;

import dev.replaytwin.cli.internal.InvalidInputException;
import dev.replaytwin.cli.internal.VerdictPrinter;
import dev.replaytwin.compare.Verdict;
import dev.replaytwin.compare.report.ReportFormat;
import dev.replaytwin.compare.report.VerdictJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code twin report}: renders the reports again from a {@code verdict.json}, without the run. */
@Command(
    name = "report",
    description = {
        "Render the reports again from a verdict.json (after an upgrade of twin, or for another format).",
        "Exit with the verdict's code: 0 PASS, 1 FAIL, 3 INCONCLUSIVE; 2 when the verdict cannot be read."},
    sortOptions = false)
public final class ReportCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "A report directory (or a run directory with report/ in it).")
  private Path dir;

  @Option(names = "--format", paramLabel = "LIST", defaultValue = "html,md,junit",
      description = "Reports to write, of html, md, junit, json (default: ${DEFAULT-VALUE}).")
  private String format;

  @Override
  public Integer call() throws Exception {
    Set<ReportFormat> formats = VerdictPrinter.formats(format);
    Path reports = Files.isRegularFile(dir.resolve("verdict.json")) ? dir : dir.resolve("report");
    Path json = reports.resolve("verdict.json");
    if (!Files.isRegularFile(json)) {
      throw new InvalidInputException(dir + ": no verdict.json (expected: a directory twin compare wrote)", null);
    }
    Verdict verdict;
    try {
      verdict = VerdictJson.read(json);
    } catch (IOException e) {
      throw new InvalidInputException(String.valueOf(e.getMessage()), e);
    }
    return VerdictPrinter.writeAndPrint(verdict, reports, formats, spec.commandLine().getOut());
  }
}
