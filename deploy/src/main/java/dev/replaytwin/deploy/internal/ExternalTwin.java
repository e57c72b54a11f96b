package dev.replaytwin.deploy.internal;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.core.run.ResourceSample;
import dev.replaytwin.deploy.Twin;
import dev.replaytwin.deploy.TwinExit;
import java.net.URI;
import java.util.Optional;

/**
 * A twin someone else runs. Sampled only through its metrics endpoint (all -1 without one); never
 * reported as exited (nothing here can tell) and never stopped: closing only lets go of it.
 */
public final class ExternalTwin implements Twin {
  private final String name;
  private final URI baseUrl;
  private final MetricsScrape metrics;

  /** @param metrics the twin's metrics endpoint, or null */
  public ExternalTwin(String name, URI baseUrl, MetricsScrape metrics) {
    this.name = requireNonNull(name, "name");
    this.baseUrl = requireNonNull(baseUrl, "baseUrl");
    this.metrics = metrics;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public URI baseUrl() {
    return baseUrl;
  }

  @Override
  public ResourceSample sample() {
    long now = MetricsScrape.nowEpochNanos();
    if (metrics == null) {
      return new ResourceSample(now, -1, -1, -1, -1, -1);
    }
    return metrics.scrape()
        .map(m -> new ResourceSample(now, m.cpuSeconds(), m.rssBytes(), m.threads(), m.openFiles(), m.gcSeconds()))
        .orElseGet(() -> new ResourceSample(now, -1, -1, -1, -1, -1));
  }

  @Override
  public Optional<TwinExit> exited() {
    return Optional.empty();
  }

  @Override
  public void close() {
    // Not ours to stop.
  }
}
