package dev.replaytwin.deploy.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.model.Container;
import com.sun.net.httpserver.HttpServer;
import dev.replaytwin.core.run.ResourceSample;
import dev.replaytwin.deploy.DeployException;
import dev.replaytwin.deploy.DockerDriver;
import dev.replaytwin.deploy.Twin;
import dev.replaytwin.deploy.TwinContext;
import dev.replaytwin.deploy.TwinExit;
import dev.replaytwin.deploy.TwinSpec;
import dev.replaytwin.deploy.internal.docker.ContainerLauncher;
import dev.replaytwin.deploy.internal.docker.DockerEngine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The docker driver against a real engine, with an image built locally: no registry involved. */
@ExtendWith(DockerEngineRequirement.class)
class DockerDriverIT {
  private static final int CONTAINER_PORT = 8080;
  private static final TwinSpec.Health HEALTH = new TwinSpec.Health("/health", Duration.ofSeconds(90),
      Duration.ofMillis(100));

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String name = "it-" + UUID.randomUUID().toString().substring(0, 8);
  private HttpServer dependency;
  @TempDir Path logDir;

  @BeforeEach
  void startDependency() throws IOException {
    // A simulator as the runner starts them: on this machine's loopback, which containers cannot reach.
    dependency = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    dependency.createContext("/", exchange -> {
      byte[] body = ("dependency saw " + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    dependency.start();
  }

  @AfterEach
  void stopDependency() {
    dependency.stop(0);
  }

  @Test
  void startsReachesSamplesAndStopsAContainer() throws Exception {
    TwinSpec.Docker spec = spec(HEALTH, List.of(), "/metrics");
    long start = System.nanoTime();
    Twin twin = new DockerDriver().start(spec, context());
    try {
      System.out.printf(Locale.ROOT, "[docker-it] %s healthy %.2f s after start%n", name,
          (System.nanoTime() - start) / 1e9);
      assertThat(twin.baseUrl().getScheme()).isEqualTo("http");
      assertThat(get(twin, "/hello")).isEqualTo("hello " + name);
      assertThat(get(twin, "/dep")).startsWith("via http://host.docker.internal:").endsWith("dependency saw /from-twin");
      for (int i = 0; i < 10; i++) {
        get(twin, "/work");
      }

      ResourceSample sample = twin.sample();

      assertThat(sample.cpuSeconds()).isPositive();
      assertThat(sample.rssBytes()).isPositive();
      assertThat(sample.threads()).isPositive();
      assertThat(sample.openFiles()).isEqualTo(-1);
      assertThat(sample.gcSeconds()).isEqualTo(0.25);
      assertThat(twin.exited()).isEmpty();
      assertThat(containers()).hasSize(1);
    } finally {
      twin.close();
    }
    assertThat(containers()).isEmpty();
    assertThat(twin.exited()).isEmpty();
    twin.close();
    assertThat(Files.readString(logDir.resolve("container.log"))).contains("echo: listening on " + CONTAINER_PORT);
  }

  @Test
  void reportsTheExitCodeAndLastLinesOfAContainerThatDies() throws Exception {
    try (Twin twin = new DockerDriver().start(spec(HEALTH, List.of(), ""), context())) {
      try {
        get(twin, "/exit?code=3");
      } catch (IOException e) {
        // It may die before the answer is out.
      }
      Optional<TwinExit> exit = Optional.empty();
      for (int i = 0; i < 300 && exit.isEmpty(); i++) {
        Thread.sleep(100);
        exit = twin.exited();
      }

      assertThat(exit).hasValueSatisfying(e -> {
        assertThat(e.name()).isEqualTo(name);
        assertThat(e.exitCode()).isEqualTo(3);
        assertThat(e.lastLines()).contains("echo: listening on " + CONTAINER_PORT, "echo: exiting with code 3");
      });
      assertThat(twin.sample().gcSeconds()).isEqualTo(-1);
    }
    assertThat(containers()).isEmpty();
  }

  @Test
  void failsWithTheLastLinesAndRemovesTheContainerWhenHealthNeverPasses() throws Exception {
    TwinSpec.Health never = new TwinSpec.Health("/never", Duration.ofSeconds(5), Duration.ofMillis(200));
    TwinSpec.Docker spec = spec(never, List.of(), "");

    assertThatThrownBy(() -> new DockerDriver().start(spec, context()))
        .isInstanceOfSatisfying(DeployException.class, e -> {
          assertThat(e.getMessage()).startsWith(name + ": ").contains("did not answer GET /never", "within 5s",
              "status 503").doesNotContain("\n");
          assertThat(e.details()).contains("echo: listening on " + CONTAINER_PORT);
        });
    assertThat(containers()).isEmpty();
  }

  @Test
  void failsAtOnceWithTheExitCodeWhenTheContainerDiesBeforeItIsHealthy() throws Exception {
    TwinSpec.Docker spec = spec(HEALTH, List.of("crash"), "");

    assertThatThrownBy(() -> new DockerDriver().start(spec, context()))
        .isInstanceOfSatisfying(DeployException.class, e -> {
          assertThat(e.getMessage()).startsWith(name + ": ").contains("exited with code 2").doesNotContain("\n");
          assertThat(e.details()).contains("echo: crashing on purpose");
        });
    assertThat(containers()).isEmpty();
  }

  @Test
  void namesAnUnknownPlaceholderAndStartsNothing() throws Exception {
    TwinSpec.Docker spec = new TwinSpec.Docker(TestImages.echo(), List.of(), Map.of("PAYMENTS", "${dep.payments.url}"),
        CONTAINER_PORT, HEALTH, "");

    assertThatThrownBy(() -> new DockerDriver().start(spec, context()))
        .isInstanceOf(DeployException.class)
        .hasMessageStartingWith(name + ": env PAYMENTS: ${dep.payments.url}: unknown placeholder");
    assertThat(containers()).isEmpty();
  }

  @Test
  void removesTheContainerWhenItsJvmIsInterrupted() throws Exception {
    Process holder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
        System.getProperty("java.class.path"), TwinHolder.class.getName(), TestImages.echo(), name)
        .redirectErrorStream(true).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      StringBuilder seen = new StringBuilder();
      while ((line = out.readLine()) != null && !line.startsWith("healthy ")) {
        seen.append(line).append('\n');
      }
      assertThat(line).as("the holder's output: " + seen).startsWith("healthy ");
      assertThat(containers()).hasSize(1);

      // Ctrl-C: SIGINT runs the JVM's shutdown hooks.
      new ProcessBuilder("sh", "-c", "kill -INT " + holder.pid()).inheritIO().start().waitFor();

      assertThat(holder.waitFor(60, TimeUnit.SECONDS)).as("the holder ended").isTrue();
      assertThat(containers()).isEmpty();
    } finally {
      holder.destroyForcibly();
    }
  }

  private TwinSpec.Docker spec(TwinSpec.Health health, List<String> command, String metricsPath) throws Exception {
    return new TwinSpec.Docker(TestImages.echo(), command,
        Map.of("PORT", "${port}", "TWIN_NAME", "${name}", "DEP_URL", "${dep.echo.url}"),
        CONTAINER_PORT, health, metricsPath);
  }

  private TwinContext context() {
    URI dependencyUrl = URI.create("http://127.0.0.1:" + dependency.getAddress().getPort());
    return new TwinContext(name, Map.of("echo", dependencyUrl), logDir);
  }

  private String get(Twin twin, String path) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(twin.baseUrl().resolve(path)).timeout(Duration.ofSeconds(10)).build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return response.body();
  }

  /** This test's containers, running or not. */
  private List<Container> containers() throws DeployException {
    return DockerEngine.client().listContainersCmd().withShowAll(true)
        .withLabelFilter(Map.of(ContainerLauncher.TWIN_LABEL, name)).exec();
  }
}
