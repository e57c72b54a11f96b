package dev.replaytwin.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The admin port, against a running proxy. */
@Timeout(60)
class AdminServerIT {
  @Test
  void servesHealthReadinessAndPrometheusMetrics() throws Exception {
    try (JdkUpstream upstream = JdkUpstream.http("prod");
         ProxyUnderTest f = ProxyUnderTest.start("http://127.0.0.1:" + upstream.port());
         AdminServer admin = AdminServer.start(new InetSocketAddress("127.0.0.1", 0), f.registry, f.proxy::isReady)) {
      HttpClient client = JdkClient.client();
      String base = "http://127.0.0.1:" + admin.address().getPort();
      for (int i = 0; i < 3; i++) {
        assertThat(JdkClient.get(client, f.url("/p/" + i)).statusCode()).isEqualTo(200);
      }
      Await.until("3 captures written", () -> f.metrics.writtenCount() >= 3);

      assertThat(JdkClient.get(client, base + "/healthz").statusCode()).isEqualTo(200);
      assertThat(JdkClient.get(client, base + "/readyz").statusCode()).isEqualTo(200);
      HttpResponse<String> metrics = JdkClient.get(client, base + "/metrics");
      assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
      assertThat(metrics.body())
          .contains("twin_proxy_requests_total{status=\"2xx\"} 3.0")
          .contains("twin_capture_written_total 3.0")
          .contains("twin_capture_dropped_total{reason=\"queue_full\"} 0.0")
          .contains("twin_capture_queue_depth")
          .contains("twin_proxy_upstream_latency_seconds_bucket")
          .contains("twin_mirror_sent_total 0.0")
          .contains("twin_proxy_bytes_total{direction=\"response\"}");
      assertThat(JdkClient.get(client, base + "/nope").statusCode()).isEqualTo(404);
    }
  }

  @Test
  void reportsNotReadyWhileDraining() throws Exception {
    try (JdkUpstream upstream = JdkUpstream.http("prod");
         ProxyUnderTest f = ProxyUnderTest.start("http://127.0.0.1:" + upstream.port());
         AdminServer admin = AdminServer.start(new InetSocketAddress("127.0.0.1", 0), f.registry, f.proxy::isReady)) {
      HttpClient client = JdkClient.client();
      CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() -> {
        try {
          return JdkClient.get(client, f.url("/slow?delay=1500"));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      Await.until("the slow request at the upstream", () -> !upstream.seen.isEmpty());
      CompletableFuture<Void> closing = CompletableFuture.runAsync(() -> f.proxy.close(Duration.ofSeconds(10)));
      int readyz = 200;
      for (int i = 0; i < 200 && readyz == 200; i++) {
        readyz = JdkClient.get(client, "http://127.0.0.1:" + admin.address().getPort() + "/readyz").statusCode();
        Thread.sleep(5);
      }
      assertThat(readyz).isEqualTo(503);
      assertThat(slow.get().statusCode()).isEqualTo(200);
      closing.get();
    }
  }

}
