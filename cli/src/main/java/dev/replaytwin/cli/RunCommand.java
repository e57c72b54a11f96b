package dev.replaytwin.cli;

import dev.replaytwin.cli.internal.InvalidInputException;
import dev.replaytwin.cli.internal.ProgressPrinter;
import dev.replaytwin.cli.internal.VerdictPrinter;
import dev.replaytwin.replay.ReplayProgress;
import dev.replaytwin.scenario.Scenario;
import dev.replaytwin.scenario.ScenarioException;
import dev.replaytwin.scenario.ScenarioListener;
import dev.replaytwin.scenario.ScenarioResult;
import dev.replaytwin.scenario.ScenarioRunner;
import dev.replaytwin.scenario.Scenarios;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code twin run}: the whole pass of a scenario, or of every scenario in a folder.
 *
 * <pre>
 * twin run scenarios/examples/release-gate.yaml
 * twin run scenarios/examples/ --driver docker
 * </pre>
 */
@Command(
    name = "run",
    description = {
        "Run a scenario: start the twins and their simulated dependencies, replay the capture against them, stop"
            + " them, compare, and write the report. A folder runs every scenario in it, in name order.",
        "Exit 0 PASS, 1 FAIL, 3 INCONCLUSIVE (for a folder: the worst), 2 invalid scenario or a baseline that"
            + " would not start."},
    sortOptions = false)
public final class RunCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "SCENARIO", description = "A scenario file, or a folder of them.")
  private Path scenario;

  @Option(names = "--report-dir", paramLabel = "DIR",
      description = "Where the report goes, instead of the scenario's report.dir (a folder: DIR/<name> each).")
  private Path reportDir;

  @Option(names = "--driver", paramLabel = "DRIVER",
      description = "How twins start, instead of the scenario's twins.driver: process, docker or external.")
  private String driver;

  @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
      description = "auto (a bar on a terminal, a line every 10 s otherwise), bar, plain or none (default: ${DEFAULT-VALUE}).")
  private String progress;

  @Override
  public Integer call() throws Exception {
    if (driver != null && !List.of("process", "docker", "external").contains(driver)) {
      throw new InvalidInputException("--driver " + driver + " (expected: process, docker or external)", null);
    }
    List<Scenario> suite = load();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<ScenarioResult> results = new ArrayList<>();
    for (Scenario s : suite) {
      if (suite.size() > 1) {
        out.println("== " + s.name() + " (" + s.file() + ")");
        out.flush();
      }
      Path dir = reportDir == null ? null : suite.size() > 1 ? reportDir.resolve(s.name()) : reportDir;
      ScenarioResult r = runOne(s, new ScenarioRunner.Options(dir, driver), err);
      results.add(r);
      print(r, out);
    }
    if (suite.size() > 1) {
      out.println("== suite: " + String.join(", ", results.stream()
          .map(r -> r.scenario() + " " + (r.setupError() ? "ERROR" : r.decision().name())).toList()));
    }
    out.flush();
    return results.stream().mapToInt(ScenarioResult::exitCode).reduce(0, RunCommand::worse);
  }

  private List<Scenario> load() {
    try {
      return Scenarios.load(scenario);
    } catch (ScenarioException e) {
      PrintWriter err = spec.commandLine().getErr();
      for (int i = 1; i < e.problems().size(); i++) {
        err.println(e.problems().get(i));
      }
      throw new InvalidInputException(e.problems().get(0), e);
    }
  }

  private ScenarioResult runOne(Scenario s, ScenarioRunner.Options options, PrintWriter err) throws Exception {
    ProgressPrinter bar = new ProgressPrinter(err, ProgressPrinter.mode(progress));
    ScenarioRunner runner = new ScenarioRunner(s, options, new ScenarioListener() {
      @Override
      public void phase(String text) {
        bar.finish();
        err.println("twin run: " + text);
        err.flush();
      }

      @Override
      public void note(String text) {
        err.println("  " + text.replace("\n", "\n  "));
        err.flush();
      }

      @Override
      public void onProgress(ReplayProgress p) {
        bar.onProgress(p);
      }
    });
    CountDownLatch done = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      runner.stop("interrupted by a signal");
      try {
        done.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "twin-run-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return runner.run();
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage(), e);
    } finally {
      bar.finish();
      done.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is already shutting down: the hook is running
      }
    }
  }

  private static void print(ScenarioResult r, PrintWriter out) {
    if (r.verdict() != null) {
      VerdictPrinter.print(r.verdict(), r.reports(), out);
      if (r.decision() != r.verdict().decision()) {
        out.println(r.decision() + ": " + r.summary());
      }
    } else {
      out.println((r.setupError() ? "ERROR" : r.decision().name()) + ": " + r.summary());
    }
    out.println("run: " + r.reportDir());
    out.flush();
  }

  /** The worse of two exit codes: 2 (could not run) over 1 (FAIL) over 3 (INCONCLUSIVE) over 0. */
  static int worse(int a, int b) {
    return rank(a) >= rank(b) ? a : b;
  }

  private static int rank(int code) {
    return switch (code) {
      case 0 -> 0;
      case 3 -> 1;
      case 1 -> 2;
      default -> 3;
    };
  }
}
