package dev.replaytwin.deploy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class MetricsScrapeTest {
  private static final URI BASE = URI.create("http://shop.staging:8080/shop/");

  @Test
  void pathIsAppendedToTheBaseUrlLikeTheHealthPath() {
    assertThat(MetricsScrape.resolve(BASE, "/actuator/prometheus"))
        .hasToString("http://shop.staging:8080/shop/actuator/prometheus");
  }

  @Test
  void absoluteUrlIsTakenAsIs() {
    assertThat(MetricsScrape.resolve(BASE, "http://127.0.0.1:9100/metrics")).hasToString("http://127.0.0.1:9100/metrics");
  }

  @Test
  void anythingElseIsOneClearLine() {
    assertThatThrownBy(() -> MetricsScrape.resolve(BASE, "metrics"))
        .hasMessage("metricsUrl: \"metrics\" (expected: a path such as /actuator/prometheus, or http://host:port/path)");
    assertThatThrownBy(() -> MetricsScrape.resolve(BASE, "ftp://host/metrics"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
