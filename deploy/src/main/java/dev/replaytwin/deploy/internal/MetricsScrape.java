package dev.replaytwin.deploy.internal;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Scrapes a twin's Prometheus text endpoint (Micrometer, Spring actuator, Prometheus client). */
public final class MetricsScrape {
  private static final Logger log = LoggerFactory.getLogger(MetricsScrape.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final URI url;

  public MetricsScrape(URI url) {
    this.url = requireNonNull(url, "url");
  }

  public URI url() {
    return url;
  }

  /** This scrape's metrics; empty when the endpoint does not answer 2xx/3xx within 2s. */
  public Optional<PrometheusText> scrape() {
    Probe.Answer answer = Probe.get(url, TIMEOUT, true);
    if (!answer.ok()) {
      log.debug("metrics {}: {}", url, answer.describe());
      return Optional.empty();
    }
    return Optional.of(PrometheusText.parse(answer.body()));
  }

  /** Now, in epoch nanoseconds, as {@code ResourceSample} wants it. */
  public static long nowEpochNanos() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  /**
   * The metrics URL a spec gave, resolved: a path ({@code /actuator/prometheus}) is appended to the
   * twin's base URL (as the health path is), anything else must be an absolute http(s) URL.
   *
   * @throws IllegalArgumentException saying what a metrics URL may be
   */
  public static URI resolve(URI baseUrl, String metricsUrl) {
    URI uri;
    try {
      if (metricsUrl.startsWith("/")) {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + metricsUrl);
      }
      uri = URI.create(metricsUrl);
    } catch (IllegalArgumentException e) {
      uri = null;
    }
    if (uri == null || uri.getHost() == null
        || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
      throw new IllegalArgumentException("metricsUrl: \"" + metricsUrl
          + "\" (expected: a path such as /actuator/prometheus, or http://host:port/path)");
    }
    return uri;
  }
}
