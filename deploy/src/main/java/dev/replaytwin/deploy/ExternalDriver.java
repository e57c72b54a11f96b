package dev.replaytwin.deploy;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.deploy.internal.ExternalTwin;
import dev.replaytwin.deploy.internal.HealthWait;
import dev.replaytwin.deploy.internal.MetricsScrape;
import java.net.URI;
import java.util.OptionalInt;

/**
 * "Starts" {@link TwinSpec.External} twins: one someone else runs (a staging namespace, a Kubernetes
 * service). It is only waited for until {@code baseUrl + health.path} answers below 400, sampled
 * through its Prometheus text endpoint when {@code metricsUrl} is given (a path is taken on
 * {@code baseUrl}), and never stopped: closing it only lets go.
 *
 * <pre>{@code
 * TwinSpec.External spec = new TwinSpec.External(URI.create("http://shop.staging.svc:8080"),
 *     TwinSpec.Health.DEFAULT, "/actuator/prometheus");
 * Twin twin = new ExternalDriver().start(spec, context);
 * }</pre>
 */
public final class ExternalDriver implements TwinDriver {

  @Override
  public Twin start(TwinSpec spec, TwinContext context) throws DeployException, InterruptedException {
    requireNonNull(context, "context");
    if (!(requireNonNull(spec, "spec") instanceof TwinSpec.External external)) {
      throw new IllegalArgumentException("spec: " + spec.driver() + " (expected: external)");
    }
    String name = context.name();
    URI baseUrl = withoutTrailingSlash(external.baseUrl());
    MetricsScrape metrics = null;
    if (!external.metricsUrl().isEmpty()) {
      try {
        metrics = new MetricsScrape(MetricsScrape.resolve(baseUrl, external.metricsUrl()));
      } catch (IllegalArgumentException e) {
        throw new DeployException(name + ": " + e.getMessage());
      }
    }
    URI healthUrl = URI.create(baseUrl + external.health().path());
    HealthWait.Result result = HealthWait.await(healthUrl, external.health(), OptionalInt::empty); // nothing here sees it end
    if (result instanceof HealthWait.TimedOut timedOut) {
      throw new DeployException(name + " not healthy after " + HealthWait.describe(external.health().timeout())
          + " at " + healthUrl + " (last answer: " + timedOut.lastAnswer() + "); check that it runs and that"
          + " this machine can reach it");
    }
    return new ExternalTwin(name, baseUrl, metrics);
  }

  private static URI withoutTrailingSlash(URI uri) {
    String s = uri.toString();
    return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : uri;
  }
}
