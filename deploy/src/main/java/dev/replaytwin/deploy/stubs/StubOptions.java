package dev.replaytwin.deploy.stubs;

import static java.util.Objects.requireNonNull;

import java.util.Set;
import java.util.TreeSet;

/**
 * What {@link StubGenerator} makes.
 *
 * @param dependencies only these dependencies; empty for every one in the captures
 * @param latency the latency model each endpoint gets
 * @param maxScenarioSteps the most responses one request's sequence serves (a repeated request
 *     answered differently over time); later ones are left out (and counted) so a polled endpoint
 *     cannot make a huge mapping
 */
public record StubOptions(Set<String> dependencies, LatencyMode latency, int maxScenarioSteps) {
  public static final int DEFAULT_MAX_SCENARIO_STEPS = 1000;
  public static final StubOptions DEFAULTS = new StubOptions(Set.of(), LatencyMode.FIT, DEFAULT_MAX_SCENARIO_STEPS);

  public StubOptions {
    dependencies = Set.copyOf(new TreeSet<>(requireNonNull(dependencies, "dependencies")));
    requireNonNull(latency, "latency");
    if (maxScenarioSteps < 1) {
      throw new IllegalArgumentException("maxScenarioSteps: " + maxScenarioSteps + " (expected: >= 1)");
    }
  }

  public StubOptions withDependencies(Set<String> dependencies) {
    return new StubOptions(dependencies, latency, maxScenarioSteps);
  }

  public StubOptions withLatency(LatencyMode latency) {
    return new StubOptions(dependencies, latency, maxScenarioSteps);
  }
}
