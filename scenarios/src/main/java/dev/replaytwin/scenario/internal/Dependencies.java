package dev.replaytwin.scenario.internal;

import dev.replaytwin.core.Nullable;
import dev.replaytwin.core.run.RunDirectory;
import dev.replaytwin.deploy.stubs.DependencySimulators;
import dev.replaytwin.deploy.stubs.FaultPlan;
import dev.replaytwin.deploy.stubs.LatencyMode;
import dev.replaytwin.deploy.stubs.SimulatorOptions;
import dev.replaytwin.deploy.stubs.StubGenerator;
import dev.replaytwin.deploy.stubs.StubOptions;
import dev.replaytwin.deploy.stubs.StubsException;
import dev.replaytwin.deploy.DeployException;
import dev.replaytwin.scenario.Scenario;
import dev.replaytwin.scenario.ScenarioListener;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A scenario's simulated dependencies: the stubs (given, or made from egress captures into the
 * report directory), one set of simulators per twin, their call logs and the twins' resource
 * samples moved into the run directory after the replay.
 */
public final class Dependencies implements AutoCloseable {
  private final @Nullable Path stubs;
  private final SimulatorOptions simulatorOptions;
  private final List<DependencySimulators> started = new ArrayList<>();
  private final ScenarioListener listener;

  private Dependencies(@Nullable Path stubs, SimulatorOptions simulatorOptions, ScenarioListener listener) {
    this.stubs = stubs;
    this.simulatorOptions = simulatorOptions;
    this.listener = listener;
  }

  /** The stubs a scenario names, made first when it names egress captures. */
  public static Dependencies prepare(Scenario.Dependencies d, Path generated, ScenarioListener listener)
      throws DeployException {
    Path stubs = d.stubs();
    LatencyMode latency = LatencyMode.of(d.latency());
    if (!d.captures().isEmpty()) {
      listener.phase("making dependency stubs from " + String.join(", ",
          d.captures().stream().map(p -> p.getFileName().toString()).toList()));
      try {
        StubGenerator.generate(d.captures(), generated, StubOptions.DEFAULTS.withLatency(latency));
      } catch (StubsException | IOException e) {
        throw new DeployException("dependencies.captures: " + e.getMessage());
      }
      stubs = generated;
    }
    SimulatorOptions options = SimulatorOptions.DEFAULTS.withFaults(new FaultPlan(d.faults(), 1))
        .withLatency(latency != LatencyMode.NONE);
    for (Map.Entry<String, URI> p : d.proxy().entrySet()) {
      options = options.withProxy(p.getKey(), p.getValue());
    }
    return new Dependencies(stubs, options, listener);
  }

  /** Starts {@code twin}'s own simulators; the URLs to give it, by dependency (none without stubs). */
  public Map<String, URI> startFor(String twin) throws DeployException {
    if (stubs == null) {
      return Map.of();
    }
    listener.phase("starting " + twin + "'s dependency simulators");
    try {
      DependencySimulators sims = DependencySimulators.start(stubs, twin, simulatorOptions);
      started.add(sims);
      return sims.urls();
    } catch (StubsException | IOException e) {
      throw new DeployException(twin + ": dependency simulators: " + e.getMessage());
    }
  }

  /** The replay starts now: faults with a start offset count from here. */
  public void markStart() {
    started.forEach(DependencySimulators::markStart);
  }

  /** Each twin's calls to its dependencies, as {@code targets/<name>/calls.jsonl}. */
  public void writeCalls(RunDirectory run) throws IOException {
    for (DependencySimulators sims : started) {
      sims.writeCalls(run, sims.twinName());
    }
  }

  /** Each twin's resource samples, taken beside the run, into the run directory for the comparator. */
  public void copySamples(RunDirectory samples, RunDirectory run, List<String> twins) throws IOException {
    for (String twin : twins) {
      Path from = samples.resources(twin);
      if (Files.isRegularFile(from) && Files.isDirectory(run.targetDir(twin))) {
        Files.copy(from, run.resources(twin), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  @Override
  public void close() {
    for (DependencySimulators sims : started) {
      sims.close();
    }
    started.clear();
  }
}
