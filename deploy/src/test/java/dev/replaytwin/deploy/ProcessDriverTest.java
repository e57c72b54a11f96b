package dev.replaytwin.deploy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver's checks that come before any process is started. */
class ProcessDriverTest {
  private static final String KNOWN =
      "(known: ${dep.payments.host}, ${dep.payments.port}, ${dep.payments.url}, ${name}, ${port})";

  @TempDir
  Path dir;

  // Every spec here fails a check before any process is started; port 1 is never listened on.
  private final ProcessDriver driver = new ProcessDriver(Duration.ofSeconds(1), 1, () -> 1);

  private TwinContext context() {
    return new TwinContext("candidate", Map.of("payments", URI.create("http://127.0.0.1:39001")), dir.resolve("logs"));
  }

  private TwinSpec.Process spec(List<String> command, Map<String, String> env, String metricsUrl) {
    return new TwinSpec.Process(command, env, dir, TwinSpec.Health.DEFAULT, metricsUrl);
  }

  @Test
  void unknownPlaceholderInTheCommandNamesItsIndexAndTheKnownOnes() {
    TwinSpec.Process spec = spec(List.of("java", "-jar", "shop.jar", "${dep.paymnts.url}", "--port=${port}"),
        Map.of(), "");
    assertThatThrownBy(() -> driver.start(spec, context()))
        .isInstanceOf(DeployException.class)
        .hasMessage("candidate: command[3]: ${dep.paymnts.url}: unknown placeholder " + KNOWN);
  }

  @Test
  void unknownPlaceholderInTheEnvironmentNamesTheVariable() {
    TwinSpec.Process spec = spec(List.of("shop", "--port=${port}"),
        Map.of("PAYMENTS_URL", "${dep.payments.url}", "LEDGER_URL", "${dep.ledger.url}"), "");
    assertThatThrownBy(() -> driver.start(spec, context()))
        .isInstanceOf(DeployException.class)
        .hasMessage("candidate: env.LEDGER_URL: ${dep.ledger.url}: unknown placeholder " + KNOWN);
  }

  @Test
  void unknownPlaceholderInTheMetricsUrlIsNamedToo() {
    TwinSpec.Process spec = spec(List.of("shop", "--port=${port}"), Map.of(), "http://127.0.0.1:${metrics.port}/m");
    assertThatThrownBy(() -> driver.start(spec, context()))
        .isInstanceOf(DeployException.class)
        .hasMessage("candidate: metricsUrl: ${metrics.port}: unknown placeholder " + KNOWN);
  }

  @Test
  void metricsUrlThatIsNeitherPathNorUrlIsRefused() {
    TwinSpec.Process spec = spec(List.of("shop", "--port=${port}"), Map.of(), "actuator/prometheus");
    assertThatThrownBy(() -> driver.start(spec, context()))
        .isInstanceOf(DeployException.class)
        .hasMessage("candidate: metricsUrl: \"actuator/prometheus\" (expected: a path such as /actuator/prometheus,"
            + " or http://host:port/path)");
  }

  @Test
  void twinThatIsNotGivenItsPortIsRefused() {
    TwinSpec.Process spec = spec(List.of("shop", "--port=8080", "$${port}"), Map.of("PORT", "8080"), "");
    assertThatThrownBy(() -> driver.start(spec, context()))
        .isInstanceOf(DeployException.class)
        .hasMessage("candidate: neither command nor env uses ${port} (expected: the twin to listen on the free port"
            + " it is given, e.g. --server.port=${port} or PORT=${port})");
  }

  @Test
  void missingWorkingDirectoryIsRefused() {
    TwinSpec.Process spec = new TwinSpec.Process(List.of("shop", "--port=${port}"), Map.of(), dir.resolve("nope"),
        TwinSpec.Health.DEFAULT, "");
    assertThatThrownBy(() -> driver.start(spec, context()))
        .isInstanceOf(DeployException.class)
        .hasMessage("candidate: workingDir: " + dir.resolve("nope")
            + ": not a directory (expected: an existing directory to start the twin in)");
  }

  @Test
  void specOfAnotherKindIsAProgrammingError() {
    TwinSpec.External spec = new TwinSpec.External(URI.create("http://127.0.0.1:1"), TwinSpec.Health.DEFAULT, "");
    assertThatThrownBy(() -> driver.start(spec, context()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("spec: external (expected: process)");
  }
}
