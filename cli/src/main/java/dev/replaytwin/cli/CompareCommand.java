package dev.replaytwin.cli;

import dev.replaytwin.cli.internal.InvalidInputException;
import dev.replaytwin.cli.internal.VerdictPrinter;
import dev.replaytwin.compare.CompareException;
import dev.replaytwin.compare.CompareOptions;
import dev.replaytwin.compare.Comparison;
import dev.replaytwin.compare.GatePolicy;
import dev.replaytwin.compare.GatePolicyException;
import dev.replaytwin.compare.Verdict;
import dev.replaytwin.compare.report.ReportFormat;
import dev.replaytwin.core.run.RunDirectory;
import dev.replaytwin.core.run.RunManifest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code twin compare}: judges a run directory and writes its reports.
 *
 * <pre>
 * twin compare runs/rc-42 --policy gate.yaml
 * </pre>
 */
@Command(
    name = "compare",
    description = {
        "Judge a replay: the candidate against the baseline, request by request, with a second baseline as the"
            + " noise floor when the run has one. Latency percentiles, failures, response fields and their noise, each"
            + " with its evidence; false discoveries controlled over all checks.",
        "Writes verdict.json, summary.md, junit.xml and index.html to the report directory (default: RUN/report).",
        "Exit 0 PASS, 1 FAIL, 3 INCONCLUSIVE, 2 invalid input."},
    sortOptions = false)
public final class CompareCommand implements Callable<Integer> {
  static final String DEFAULT_NOISE = "baseline2";

  @Spec private CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "RUN", description = "The run directory (several: the shards of one run).")
  private List<Path> runs;

  @Option(names = "--baseline", paramLabel = "NAME", defaultValue = "baseline",
      description = "The baseline target (default: ${DEFAULT-VALUE}).")
  private String baseline;

  @Option(names = "--candidate", paramLabel = "NAME", defaultValue = "candidate",
      description = "The candidate target (default: ${DEFAULT-VALUE}).")
  private String candidate;

  @Option(names = "--noise", paramLabel = "NAME",
      description = "A second baseline measuring the noise floor (default: " + DEFAULT_NOISE
          + " when the run has it; none to go without).")
  private String noise;

  @Option(names = "--policy", paramLabel = "FILE", description = "The gate policy (gate.yaml); without it, the"
      + " standard one: p50/p90/p99/p99.9 may grow by 10%% and 5 ms, failures by 0.1 points.")
  private Path policy;

  @Option(names = "--report-dir", paramLabel = "DIR", description = "Where the reports go (default: RUN/report).")
  private Path reportDir;

  @Option(names = "--format", paramLabel = "LIST", defaultValue = "html,md,junit,json",
      description = "Reports to write, of html, md, junit, json (default: ${DEFAULT-VALUE}).")
  private String format;

  @Override
  public Integer call() throws Exception {
    Set<ReportFormat> formats = VerdictPrinter.formats(format);
    GatePolicy gate = policy();
    CompareOptions options;
    try {
      options = new CompareOptions(runs, baseline, candidate, noise(), gate);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage(), e);
    }
    Verdict verdict;
    try {
      verdict = Comparison.run(options);
    } catch (CompareException e) {
      throw new InvalidInputException(e.getMessage(), e);
    }
    Path dir = reportDir != null ? reportDir : runs.get(0).resolve("report");
    return VerdictPrinter.writeAndPrint(verdict, dir, formats, spec.commandLine().getOut());
  }

  private GatePolicy policy() throws IOException {
    if (policy == null) {
      return GatePolicy.standard();
    }
    try {
      return GatePolicy.read(policy);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new InvalidInputException(policy + ": no such gate policy (check --policy)", e);
    } catch (GatePolicyException e) {
      PrintWriter err = spec.commandLine().getErr();
      for (int i = 1; i < e.problems().size(); i++) {
        err.println(e.problems().get(i));
      }
      throw new InvalidInputException(e.problems().get(0), e);
    }
  }

  /** The noise target: as given, none for {@code none}, else baseline2 when every run has it. */
  private String noise() throws IOException {
    if (noise != null) {
      return noise.equals("none") ? "" : noise;
    }
    for (Path run : runs) {
      try {
        RunManifest m = RunManifest.read(RunDirectory.at(run).manifest());
        if (m.targets().stream().noneMatch(t -> t.name().equals(DEFAULT_NOISE))) {
          return "";
        }
      } catch (IOException e) {
        return ""; // the comparison itself says what is wrong with the run
      }
    }
    return baseline.equals(DEFAULT_NOISE) || candidate.equals(DEFAULT_NOISE) ? "" : DEFAULT_NOISE;
  }
}
