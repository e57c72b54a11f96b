package dev.replaytwin.deploy;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.deploy.internal.docker.ContainerLauncher;
import dev.replaytwin.deploy.internal.docker.DockerEngine;
import java.util.Optional;

/**
 * Starts {@link TwinSpec.Docker} twins as containers, through Testcontainers' {@code GenericContainer}.
 *
 * <ul>
 *   <li>The container port is published on a free port of this machine; {@link Twin#baseUrl()} is
 *       {@code http://localhost:<that port>}. {@code ${port}} is the container port.</li>
 *   <li>Dependencies listening on this machine's loopback are relayed to the Docker bridge, and
 *       {@code ${dep.NAME.url}} reads {@code http://host.docker.internal:<relay port>}: the
 *       container reaches them from inside without host networking.</li>
 *   <li>The twin is healthy once {@code health.path} answers a status below 400; a container that
 *       exits before then fails the start at once, with its last output.</li>
 *   <li>Samples come from the engine's stats API (CPU, memory as {@code docker stats} shows it,
 *       tasks as threads); GC time from a Prometheus scrape of {@code metricsPath} when set.</li>
 *   <li>Output goes to {@code container.log} in the twin's log directory.</li>
 *   <li>Containers are removed when the twin is closed, when a start fails, and at JVM exit.</li>
 * </ul>
 *
 * <pre>{@code
 * TwinSpec spec = new TwinSpec.Docker("shop:1.5", List.of(), Map.of("PAYMENTS_URL", "${dep.payments.url}"),
 *     8080, new TwinSpec.Health("/health", Duration.ofSeconds(60), Duration.ofMillis(200)), "/metrics");
 * try (Twin twin = new DockerDriver().start(spec, context)) {
 *   URI target = twin.baseUrl();
 * }
 * }</pre>
 */
public final class DockerDriver implements TwinDriver {

  @Override
  public Twin start(TwinSpec spec, TwinContext context) throws DeployException, InterruptedException {
    requireNonNull(spec, "spec");
    requireNonNull(context, "context");
    if (!(spec instanceof TwinSpec.Docker docker)) {
      throw new IllegalArgumentException("driver: " + spec.driver() + " (expected: docker)");
    }
    return new ContainerLauncher(docker, context).launch();
  }

  /**
   * Empty when a Docker engine answers; otherwise one line saying why not and what to do, e.g. to
   * check before a run that needs one.
   */
  public static Optional<String> engineProblem() {
    return DockerEngine.problem();
  }
}
