package dev.replaytwin.scenario;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.compare.CompareException;
import dev.replaytwin.compare.CompareOptions;
import dev.replaytwin.compare.Comparison;
import dev.replaytwin.compare.Decision;
import dev.replaytwin.compare.Verdict;
import dev.replaytwin.compare.report.Reports;
import dev.replaytwin.core.Nullable;
import dev.replaytwin.core.run.RunDirectory;
import dev.replaytwin.deploy.DeployException;
import dev.replaytwin.deploy.ResourceMonitor;
import dev.replaytwin.deploy.Twin;
import dev.replaytwin.deploy.TwinContext;
import dev.replaytwin.deploy.TwinDriver;
import dev.replaytwin.deploy.TwinExit;
import dev.replaytwin.deploy.TwinSpec;
import dev.replaytwin.deploy.Twins;
import dev.replaytwin.replay.Pacing;
import dev.replaytwin.replay.Replay;
import dev.replaytwin.replay.ReplayOptions;
import dev.replaytwin.scenario.internal.CapacitySteps;
import dev.replaytwin.scenario.internal.Dependencies;
import dev.replaytwin.scenario.internal.ReplayPlan;
import dev.replaytwin.scenario.internal.ReportDirectory;
import dev.replaytwin.scenario.internal.RunRecord;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries out one scenario: simulated dependencies and twins started, resources sampled, the capture
 * replayed against every twin, everything stopped, the run compared and the report written.
 * Whatever happens (a twin that will not start or dies, Ctrl-C through {@link #stop}, an error),
 * every twin and simulator is stopped and {@code scenario.json} says how far the run got.
 *
 * <pre>{@code
 * ScenarioResult r = new ScenarioRunner(scenario, ScenarioRunner.Options.DEFAULTS, listener).run();
 * System.exit(r.exitCode());
 * }</pre>
 *
 * <p>The report directory holds the report files, {@code scenario.json}, the run directory
 * ({@code run/}, with each twin's {@code resources.jsonl} and {@code calls.jsonl} added after the
 * replay), the twins' logs and live samples ({@code twins/targets/<name>/}) and generated stubs
 * ({@code stubs/}).
 */
public final class ScenarioRunner {
  /**
   * @param reportDir overrides the scenario's {@code report.dir}
   * @param driver overrides the scenario's {@code twins.driver}
   */
  public record Options(@Nullable Path reportDir, @Nullable String driver) {
    public static final Options DEFAULTS = new Options(null, null);
  }

  private final Scenario scenario;
  private final Options options;
  private final ScenarioListener listener;
  private final List<TwinExit> deaths = Collections.synchronizedList(new ArrayList<>());
  private volatile @Nullable Replay replay;
  private volatile @Nullable String stopReason;

  public ScenarioRunner(Scenario scenario, Options options, ScenarioListener listener) {
    this.scenario = requireNonNull(scenario, "scenario");
    this.options = requireNonNull(options, "options");
    this.listener = requireNonNull(listener, "listener");
  }

  /** Ends the run early (a signal, say): the replay stops, the rest is torn down. Safe from any thread. */
  public void stop(String reason) {
    stopReason = reason;
    Replay r = replay;
    if (r != null) {
      r.stop(reason);
    }
  }

  /**
   * Runs the scenario to its end.
   *
   * @throws IOException the report directory cannot be written
   */
  public ScenarioResult run() throws IOException, InterruptedException {
    Path reportDir = options.reportDir() != null ? options.reportDir() : scenario.report().dir();
    ReportDirectory.prepare(reportDir);
    RunRecord record = new RunRecord(reportDir.resolve("scenario.json"), scenario.name(), scenario.file());
    RunDirectory samples = RunDirectory.at(reportDir.resolve("twins"));
    List<String> names = scenario.twins().names();
    Map<String, TwinSpec> specs = new LinkedHashMap<>();
    for (String name : names) {
      try {
        specs.put(name, scenario.twins().spec(name, options.driver()));
      } catch (IllegalArgumentException e) {
        return ended(record, reportDir, Decision.INCONCLUSIVE, e.getMessage(), true);
      }
    }
    try (Dependencies deps = Dependencies.prepare(scenario.dependencies(), reportDir.resolve("stubs"), listener);
        Twins twins = new Twins(TwinDriver::forSpec)) {
      List<Twin> started = new ArrayList<>();
      for (String name : names) {
        TwinSpec spec = specs.get(name);
        Map<String, URI> urls = deps.startFor(name);
        listener.phase("starting " + name + " (" + spec.driver() + ")");
        record.phase("starting " + name);
        try {
          Twin twin = twins.start(spec, new TwinContext(name, urls, samples.targetDir(name)));
          started.add(twin);
          record.twin(name, twin.baseUrl().toString());
        } catch (DeployException e) {
          if (!e.details().isBlank()) {
            listener.note(e.details());
          }
          boolean candidate = name.equals("candidate");
          return ended(record, reportDir, candidate ? Decision.FAIL : Decision.INCONCLUSIVE,
              (candidate ? "the candidate did not start: " : "") + e.getMessage(), !candidate);
        }
        if (stopReason != null) {
          return ended(record, reportDir, Decision.INCONCLUSIVE, "interrupted: " + stopReason, false);
        }
      }
      RunDirectory run = RunDirectory.at(reportDir.resolve("run"));
      Outcome outcome;
      CapacitySteps steps = scenario.capacity() == null ? null : new CapacitySteps(scenario.capacity(), names);
      try (ResourceMonitor monitor = ResourceMonitor.start(samples, started, Duration.ofSeconds(1), this::died)) {
        outcome = steps == null ? replay(run, started, deps, record, scenario.replay().pacing(), "")
            : stepUp(steps, run, started, deps, record);
      }
      deps.writeCalls(run);
      deps.copySamples(samples, run, names);
      if (outcome.error != null) {
        return ended(record, reportDir, Decision.INCONCLUSIVE, outcome.error, true);
      }
      if (stopReason != null && deaths.isEmpty()) {
        return ended(record, reportDir, Decision.INCONCLUSIVE, "interrupted: " + stopReason, false);
      }
      twins.close();
      return steps == null ? compare(record, reportDir, run, names) : capacity(record, reportDir, steps);
    } catch (DeployException e) {
      return ended(record, reportDir, Decision.INCONCLUSIVE, e.getMessage(), true);
    } catch (InterruptedException e) {
      record.end("interrupted", "interrupted");
      throw e;
    } catch (IOException | RuntimeException e) {
      record.end("failed", String.valueOf(e.getMessage()));
      throw e;
    }
  }

  private record Outcome(@Nullable String error) {}

  /** Replays each capacity step into {@code run/<speed>x/} until {@link CapacitySteps#measure} says stop. */
  private Outcome stepUp(CapacitySteps steps, RunDirectory run, List<Twin> twins, Dependencies deps, RunRecord record)
      throws IOException, InterruptedException {
    for (double speed : scenario.capacity().speeds()) {
      String name = CapacitySteps.stepName(speed);
      RunDirectory step = RunDirectory.at(run.root().resolve(name));
      Outcome o = replay(step, twins, deps, record, new Pacing.Scaled(speed), " at " + name);
      if (o.error != null || stopReason != null) {
        List.copyOf(deaths).forEach(d -> steps.exited(d.name(), speed));
        return o;
      }
      if (!steps.measure(speed, step)) {
        break;
      }
    }
    return new Outcome(null);
  }

  private Outcome replay(RunDirectory run, List<Twin> twins, Dependencies deps, RunRecord record, Pacing pacing,
      String step) throws IOException, InterruptedException {
    ReplayOptions replayOptions = ReplayPlan.options(scenario, run.root(), twins, pacing);
    try {
      Replay.check(replayOptions);
    } catch (IllegalArgumentException e) {
      return new Outcome(e.getMessage());
    }
    listener.phase("replaying " + scenario.capture().file().getFileName() + step + " against "
        + String.join(", ", twins.stream().map(Twin::name).toList()));
    record.phase("replay" + step);
    Replay r = new Replay(replayOptions, listener);
    replay = r;
    deps.markStart();
    if (stopReason != null) {
      r.stop(stopReason);
    }
    try {
      r.run();
    } catch (IllegalArgumentException e) {
      return new Outcome(e.getMessage());
    }
    return new Outcome(null);
  }

  private void died(TwinExit exit) {
    deaths.add(exit);
    listener.note(exit.describe());
    stop(exit.name() + " exited with code " + exit.exitCode());
  }

  private ScenarioResult compare(RunRecord record, Path reportDir, RunDirectory run, List<String> names)
      throws IOException {
    listener.phase("comparing");
    record.phase("compare");
    String noise = names.contains("baseline2") ? "baseline2" : "";
    Verdict verdict;
    try {
      verdict = Comparison.run(new CompareOptions(List.of(run.root()), "baseline", "candidate", noise,
          scenario.gate().policy()));
    } catch (CompareException e) {
      return ended(record, reportDir, Decision.INCONCLUSIVE, e.getMessage(), false);
    }
    List<Path> reports = Reports.write(verdict, reportDir, scenario.report().formats());
    Ending end = withDeaths(verdict.decision(), verdict.headline());
    record.end("finished", end.summary());
    return new ScenarioResult(scenario.name(), end.decision(), end.summary(), verdict, reportDir, reports, false);
  }

  private ScenarioResult capacity(RunRecord record, Path reportDir, CapacitySteps steps) throws IOException {
    Ending end = withDeaths(steps.decision(), steps.summary());
    Decision decision = end.decision();
    String summary = end.summary();
    List<Path> reports = steps.write(reportDir, decision);
    record.end("finished", summary);
    return new ScenarioResult(scenario.name(), decision, summary, null, reportDir, reports, false);
  }

  private record Ending(Decision decision, String summary) {}

  /** A twin that exited during the replay: FAIL for the candidate, INCONCLUSIVE for a baseline, said first. */
  private Ending withDeaths(Decision decision, String summary) {
    for (TwinExit death : List.copyOf(deaths)) {
      boolean candidate = death.name().equals("candidate");
      decision = decision.worst(candidate ? Decision.FAIL : Decision.INCONCLUSIVE);
      summary = death.name() + " exited with code " + death.exitCode() + " during the replay; " + summary;
    }
    return new Ending(decision, summary);
  }

  private ScenarioResult ended(RunRecord record, Path reportDir, Decision decision, String why, boolean setupError)
      throws IOException {
    record.end(why.startsWith("interrupted") ? "interrupted" : "failed", why);
    return new ScenarioResult(scenario.name(), decision, why, null, reportDir, List.of(), setupError);
  }
}
