package dev.replaytwin.deploy.internal;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.deploy.DeployException;
import dev.replaytwin.deploy.Placeholders;
import dev.replaytwin.deploy.TwinSpec;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One start of a process twin with every placeholder filled: the command line, the environment to
 * add, and the URLs the twin will answer on once it listens on {@code port}.
 *
 * @param metrics the metrics endpoint, or null when the spec gives none
 */
public record ProcessLaunch(List<String> command, Map<String, String> env, Path workingDir, int port, URI baseUrl,
    URI healthUrl, MetricsScrape metrics) {

  public ProcessLaunch {
    command = List.copyOf(requireNonNull(command, "command"));
    env = Map.copyOf(requireNonNull(env, "env"));
    requireNonNull(workingDir, "workingDir");
    requireNonNull(baseUrl, "baseUrl");
    requireNonNull(healthUrl, "healthUrl");
  }

  /**
   * Fills {@code spec} for twin {@code name} on {@code port}.
   *
   * @throws DeployException naming the field with an unknown placeholder, e.g.
   *     {@code candidate: command[3]: ${dep.paymnts.url}: unknown placeholder (known: …)}
   */
  public static ProcessLaunch fill(TwinSpec.Process spec, String name, int port, Map<String, URI> dependencies)
      throws DeployException {
    Placeholders placeholders = Placeholders.of(name, port, dependencies);
    List<String> command = new ArrayList<>(spec.command().size());
    for (int i = 0; i < spec.command().size(); i++) {
      command.add(fill(placeholders, spec.command().get(i), name, "command[" + i + "]"));
    }
    Map<String, String> env = new TreeMap<>();
    for (Map.Entry<String, String> e : new TreeMap<>(spec.env()).entrySet()) {
      env.put(e.getKey(), fill(placeholders, e.getValue(), name, "env." + e.getKey()));
    }
    URI baseUrl = URI.create("http://127.0.0.1:" + port);
    MetricsScrape metrics = null;
    if (!spec.metricsUrl().isEmpty()) {
      try {
        metrics = new MetricsScrape(MetricsScrape.resolve(baseUrl,
            fill(placeholders, spec.metricsUrl(), name, "metricsUrl")));
      } catch (IllegalArgumentException e) {
        throw new DeployException(name + ": " + e.getMessage());
      }
    }
    return new ProcessLaunch(command, env, spec.workingDir(), port, baseUrl, baseUrl.resolve(spec.health().path()),
        metrics);
  }

  private static String fill(Placeholders placeholders, String template, String name, String field)
      throws DeployException {
    try {
      return placeholders.fill(template);
    } catch (IllegalArgumentException e) {
      throw new DeployException(name + ": " + field + ": " + e.getMessage());
    }
  }
}
