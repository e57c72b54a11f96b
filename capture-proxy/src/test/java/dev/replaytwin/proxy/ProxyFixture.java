package dev.replaytwin.proxy;

import dev.replaytwin.core.ContextTags;
import dev.replaytwin.core.Exchange;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/** A proxy on a free loopback port whose captures land in a list, with its metrics at hand. */
final class ProxyFixture implements AutoCloseable {
  final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  final ProxyMetrics metrics = new ProxyMetrics(registry);
  final List<Exchange> captured = new CopyOnWriteArrayList<>();
  final CaptureTap tap = new CaptureTap(captured::add, UnaryOperator.identity(), 1000, 64 << 20, metrics);
  final CaptureProxy proxy;

  ProxyFixture(ProxyOptions.Builder options) throws IOException {
    this.proxy = CaptureProxy.start(options.workers(1).build(), tap, metrics, ContextTags.EMPTY);
  }

  static ProxyOptions.Builder to(String upstreamUrl) {
    return ProxyOptions.builder(new InetSocketAddress("127.0.0.1", 0), Route.parse("upstream", upstreamUrl));
  }

  String url(String path) {
    return "http://127.0.0.1:" + proxy.address().getPort() + path;
  }

  /** Closes proxy then tap, so every capture is in {@link #captured}. */
  @Override
  public void close() {
    proxy.close(Duration.ofSeconds(5));
    tap.close(Duration.ofSeconds(5));
  }

  static HttpResponse<String> get(HttpClient client, String url) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpClient client() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  }
}
