package dev.replaytwin.deploy.internal;

import dev.replaytwin.core.run.ResourceSample;
import dev.replaytwin.deploy.TwinExit;
import java.net.URI;
import java.util.Optional;

/**
 * A twin someone else runs. Sampled only through its metrics endpoint (all -1 without one); never
 * reported as exited (nothing here can tell) and never stopped: closing only lets go of it.
 */
public final class ExternalTwin extends AbstractTwin {
  private final MetricsScrape metrics;

  /** @param metrics the twin's metrics endpoint, or null */
  public ExternalTwin(String name, URI baseUrl, MetricsScrape metrics) {
    super(name, baseUrl);
    this.metrics = metrics;
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
  protected void stop() {
    // Not ours to stop.
  }
}
