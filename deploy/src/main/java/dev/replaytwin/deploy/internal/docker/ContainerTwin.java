package dev.replaytwin.deploy.internal.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.replaytwin.core.run.ResourceSample;
import dev.replaytwin.deploy.TwinExit;
import dev.replaytwin.deploy.internal.AbstractTwin;
import dev.replaytwin.deploy.internal.MetricsScrape;
import dev.replaytwin.deploy.internal.PrometheusText;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.testcontainers.containers.GenericContainer;

/** A healthy twin running in a container. Closing it stops and removes the container. */
final class ContainerTwin extends AbstractTwin {
  /** How long a twin gets to stop on SIGTERM before it is killed. */
  private static final Duration STOP_GRACE = Duration.ofSeconds(5);

  private final GenericContainer<?> container;
  private final String containerId;
  private final DockerClient client;
  private final ContainerStats stats;
  private final ContainerLogs logs;
  private final ContainerDependencies dependencies;
  private final MetricsScrape metrics;
  private volatile TwinExit exit;

  ContainerTwin(String name, URI baseUrl, GenericContainer<?> container, DockerClient client, ContainerStats stats,
      ContainerLogs logs, ContainerDependencies dependencies, MetricsScrape metrics) {
    super(name, baseUrl);
    this.container = container;
    this.containerId = container.getContainerId();
    this.client = client;
    this.stats = stats;
    this.logs = logs;
    this.dependencies = dependencies;
    this.metrics = metrics;
  }

  @Override
  public ResourceSample sample() {
    double gc = -1;
    if (metrics != null && !closed()) {
      gc = metrics.scrape().map(PrometheusText::gcSeconds).orElse(-1.0);
    }
    return stats.sample(gc);
  }

  @Override
  public Optional<TwinExit> exited() {
    if (closed()) {
      return Optional.empty();
    }
    TwinExit known = exit;
    if (known != null) {
      return Optional.of(known);
    }
    Optional<InspectContainerResponse.ContainerState> stopped = ContainerLauncher.stoppedState(client, containerId);
    if (stopped.isEmpty()) {
      // Not stopped, or not known to the engine any more: only the latter is an exit.
      if (!exists()) {
        exit = new TwinExit(name(), -1, List.of("container " + shortId() + " was removed by someone else"));
        return Optional.of(exit);
      }
      return Optional.empty();
    }
    exit = new TwinExit(name(), ContainerLauncher.exitCode(stopped.get()), ContainerLogs.tail(client, containerId));
    return Optional.of(exit);
  }

  private boolean exists() {
    try {
      client.inspectContainerCmd(containerId).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    } catch (RuntimeException e) {
      return true;
    }
  }

  private String shortId() {
    return containerId.substring(0, Math.min(12, containerId.length()));
  }

  /** Stops the container (SIGTERM, then SIGKILL after a grace period) and removes it. */
  @Override
  protected void stop() {
    stats.close();
    remove(container, client, STOP_GRACE);
    logs.close();
    dependencies.close();
  }

  /** Stops (after {@code grace}) and removes a started container, and forgets it. */
  static void remove(GenericContainer<?> container, DockerClient client, Duration grace) {
    String id = container.getContainerId();
    if (id == null) {
      return;
    }
    if (!grace.isZero()) {
      try {
        client.stopContainerCmd(id).withTimeout((int) grace.toSeconds()).exec();
      } catch (RuntimeException e) {
        // Already stopped or gone: removal below settles it.
      }
    }
    try {
      container.stop();
    } catch (RuntimeException e) {
      ContainerReaper.remove(id, client);
    }
    ContainerReaper.forget(id);
  }

  @Override
  public String toString() {
    return name() + " (container " + shortId() + ", " + baseUrl() + ")";
  }
}
