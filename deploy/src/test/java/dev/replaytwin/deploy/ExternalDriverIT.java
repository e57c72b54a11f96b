package dev.replaytwin.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.replaytwin.core.run.ResourceSample;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ExternalDriverIT {
  private static final String METRICS = """
      # HELP process_cpu_seconds_total Total user and system CPU time spent in seconds.
      # TYPE process_cpu_seconds_total counter
      process_cpu_seconds_total 12.5
      process_resident_memory_bytes 4.12090368E8
      process_open_fds 87.0
      jvm_threads_current 41.0
      jvm_gc_collection_seconds_sum{gc="G1 Young Generation",} 0.25
      jvm_gc_collection_seconds_sum{gc="G1 Old Generation",} 0.0625
      """;
  private static final TwinSpec.Health QUICK = new TwinSpec.Health("/health", Duration.ofSeconds(1),
      Duration.ofMillis(50));

  private final ExternalDriver driver = new ExternalDriver();
  private final TwinContext context = new TwinContext("staging", Map.of(), Path.of("unused"));
  private final AtomicInteger healthStatus = new AtomicInteger(200);
  private final AtomicInteger healthChecks = new AtomicInteger();
  private HttpServer server;
  private URI baseUrl;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
    server.createContext("/health", ex -> {
      healthChecks.incrementAndGet();
      answer(ex, healthStatus.get(), "ok?");
    });
    server.createContext("/actuator/prometheus", ex -> answer(ex, 200, METRICS));
    server.createContext("/hello", ex -> answer(ex, 200, "hello"));
    server.start();
    baseUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void metricsOfTheTwinAreParsedIntoSamples() throws Exception {
    Twin twin = driver.start(new TwinSpec.External(baseUrl, QUICK, "/actuator/prometheus"), context);
    assertThat(twin.name()).isEqualTo("staging");
    assertThat(twin.baseUrl()).isEqualTo(baseUrl);

    ResourceSample sample = twin.sample();

    assertThat(sample.cpuSeconds()).isEqualTo(12.5);
    assertThat(sample.rssBytes()).isEqualTo(412_090_368L);
    assertThat(sample.threads()).isEqualTo(41);
    assertThat(sample.openFiles()).isEqualTo(87);
    assertThat(sample.gcSeconds()).isEqualTo(0.3125);
    assertThat(sample.epochNanos()).isGreaterThan(0);
  }

  @Test
  void withoutMetricsEveryFieldIsUnknown() throws Exception {
    Twin twin = driver.start(new TwinSpec.External(baseUrl, QUICK, ""), context);
    ResourceSample sample = twin.sample();
    assertThat(sample).isEqualTo(new ResourceSample(sample.epochNanos(), -1, -1, -1, -1, -1));
  }

  @Test
  void metricsEndpointThatFailsGivesUnknownFieldsNotAnError() throws Exception {
    Twin twin = driver.start(new TwinSpec.External(baseUrl, QUICK, "/no-such-metrics"), context);
    ResourceSample sample = twin.sample();
    assertThat(sample).isEqualTo(new ResourceSample(sample.epochNanos(), -1, -1, -1, -1, -1));
  }

  @Test
  void closeLeavesTheTwinRunning() throws Exception {
    Twin twin = driver.start(new TwinSpec.External(baseUrl, QUICK, ""), context);
    twin.close();
    assertThat(TinyTwin.get(baseUrl, "/hello")).isEqualTo("hello");
    assertThat(twin.exited()).isEmpty();
  }

  @Test
  void twinThatStaysUnhealthyIsReportedWithItsLastAnswer() {
    healthStatus.set(503);
    assertThatThrownBy(() -> driver.start(new TwinSpec.External(baseUrl, QUICK, ""), context))
        .isInstanceOf(DeployException.class)
        .hasMessage("staging not healthy after 1s at " + baseUrl + "/health (last answer: 503); check that it runs"
            + " and that this machine can reach it");
    assertThat(healthChecks.get()).as("polled, not asked once").isGreaterThan(1);
  }

  @Test
  void twinNobodyListensForIsReportedAsRefused() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    URI nowhere = URI.create("http://127.0.0.1:" + closedPort);
    // A refused connection is answered at once, but the first probe of a cold JVM (the HTTP client's
    // classes loading on a busy build machine, JDK 25) took the whole of QUICK's one second once.
    TwinSpec.Health patient = new TwinSpec.Health("/health", Duration.ofSeconds(3), QUICK.interval());
    assertThatThrownBy(() -> driver.start(new TwinSpec.External(nowhere, patient, ""), context))
        .isInstanceOf(DeployException.class)
        .hasMessageContaining("(last answer: connection refused)");
  }

  private static void answer(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }
}
