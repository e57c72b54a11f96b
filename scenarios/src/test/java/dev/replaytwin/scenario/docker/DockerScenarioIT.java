package dev.replaytwin.scenario.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replaytwin.compare.Decision;
import dev.replaytwin.compare.Verdict;
import dev.replaytwin.core.Body;
import dev.replaytwin.core.ContextTags;
import dev.replaytwin.core.Direction;
import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.Headers;
import dev.replaytwin.core.HttpRequest;
import dev.replaytwin.core.HttpResponse;
import dev.replaytwin.core.Timings;
import dev.replaytwin.core.capture.CaptureWriter;
import dev.replaytwin.core.capture.CaptureWriterOptions;
import dev.replaytwin.core.capture.FsyncPolicy;
import dev.replaytwin.core.run.CallLog;
import dev.replaytwin.core.run.DependencyCall;
import dev.replaytwin.core.run.RunDirectory;
import dev.replaytwin.deploy.docker.DockerEngineRequirement;
import dev.replaytwin.deploy.internal.docker.DockerEngine;
import dev.replaytwin.replay.ReplayProgress;
import dev.replaytwin.scenario.Scenario;
import dev.replaytwin.scenario.ScenarioListener;
import dev.replaytwin.scenario.ScenarioResult;
import dev.replaytwin.scenario.ScenarioRunner;
import dev.replaytwin.scenario.Scenarios;
import dev.replaytwin.scenario.demo.ShopImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole scenario run with {@code --driver docker}: the demo shop 1.4 and 1.5 as real containers
 * of the locally built {@link ShopImage}, each calling its own payments simulator (made from the
 * capture's egress exchanges, listening on this machine's loopback) through the driver's relay at
 * {@code host.docker.internal}. The scenario also says how to start the twins as processes, so the
 * driver, not the file, decides. Without an engine it fails on CI and is skipped elsewhere.
 */
@ExtendWith(DockerEngineRequirement.class)
class DockerScenarioIT {
  private static final long T0 = 1_795_305_600_000_000_000L;
  private static final int SESSIONS = 200;
  private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

  @TempDir Path dir;
  private final List<String> phases = new CopyOnWriteArrayList<>();

  @Test
  void theCandidateContainersRegressionsFailTheGateAndItsPaymentsCallsReachTheSimulator() throws Exception {
    long start = System.nanoTime();
    String image = ShopImage.build();
    System.out.printf(Locale.ROOT, "[docker-it] %s ready in %.1f s%n", image, (System.nanoTime() - start) / 1e9);
    writeCapture(dir.resolve("shop.twcap"));
    Path file = scenario(image);

    start = System.nanoTime();
    ScenarioResult r = run(file);
    System.out.printf(Locale.ROOT, "[docker-it] scenario run in %.1f s: %s%n", (System.nanoTime() - start) / 1e9,
        r.summary());

    assertThat(r.setupError()).as(r.summary()).isFalse();
    assertThat(r.decision()).as(r.summary()).isEqualTo(Decision.FAIL);
    assertThat(phases).contains("starting baseline (docker)", "starting candidate (docker)",
        "starting baseline2 (docker)").noneMatch(p -> p.contains("(process)"));
    Verdict v = r.verdict();
    assertThat(v).as(r.summary()).isNotNull();
    assertThat(v.checks()).as("the renamed price field")
        .anyMatch(c -> c.decision() == Decision.FAIL && c.endpoint().equals("GET /products/{id}")
            && c.name().contains("$.price"));
    assertThat(v.checks()).as("the stamps differ between the baselines too: noise")
        .noneMatch(c -> c.decision() == Decision.FAIL
            && (c.name().contains("requestId") || c.name().contains("servedAt")));
    assertThat(v.checks()).filteredOn(c -> c.category().equals("dependencies"))
        .anyMatch(c -> c.decision() == Decision.FAIL && c.name().equals("payments GET /v1/charges/{token} calls"))
        .anyMatch(c -> c.decision() == Decision.PASS && c.name().equals("payments POST /v1/charges calls"));

    RunDirectory run = RunDirectory.at(r.runDir());
    List<DependencyCall> baselineCalls = CallLog.read(run.calls("baseline"));
    List<DependencyCall> candidateCalls = CallLog.read(run.calls("candidate"));
    assertThat(baselineCalls).as("the baseline container's charges, through the relay")
        .hasSizeGreaterThan(SESSIONS / 2).allMatch(c -> c.method().equals("POST") && c.status() == 200);
    // Not "one read per charge": a charge retried after a timeout on a starved host is two POSTs.
    assertThat(candidateCalls).as("the candidate container reads charges back")
        .anyMatch(c -> c.method().equals("POST") && c.status() == 200).anyMatch(c -> c.method().equals("GET"));

    JsonNode record = new ObjectMapper().readTree(r.reportDir().resolve("scenario.json").toFile());
    assertThat(record.path("status").asText()).isEqualTo("finished");
    assertThat(record.path("twins").path("candidate").asText()).as("a port the engine published")
        .startsWith("http://localhost:");
    String log = Files.readString(r.reportDir().resolve("twins/targets/candidate/container.log"));
    assertThat(log).contains("shop 1.5 listening on http://0.0.0.0:8080 (payments at http://host.docker.internal:");
    assertThat(DockerEngine.client().listContainersCmd().withShowAll(true).withAncestorFilter(List.of(image))
        .exec()).as("no shop container left").isEmpty();
  }

  private ScenarioResult run(Path file) throws Exception {
    Scenario s = Scenarios.load(file).get(0);
    ScenarioListener listener = new ScenarioListener() {
      @Override
      public void phase(String text) {
        phases.add(text);
      }

      @Override
      public void onProgress(ReplayProgress progress) {}
    };
    return new ScenarioRunner(s, new ScenarioRunner.Options(dir.resolve("reports/docker"), "docker"), listener).run();
  }

  /** Each twin as a process (the default driver, then) and as a container of the shop image. */
  private Path scenario(String image) throws IOException {
    String classes = Path.of("target/classes").toAbsolutePath().toString();
    String twin = "    process:\n"
        + "      command: [\"" + JAVA + "\", -cp, \"" + classes + "\", dev.replaytwin.scenario.demo.ShopService,"
        + " --port, \"${port}\", --release, \"%1$s\", --payments, \"${dep.payments.url}\"]\n"
        + "    docker:\n"
        + "      image: " + image + "\n"
        + "      port: 8080\n"
        + "      command: [--host, \"0.0.0.0\", --port, \"${port}\", --release, \"%1$s\","
        + " --payments, \"${dep.payments.url}\"]\n"
        + "    health: {path: /health, timeout: 60s}\n";
    return Files.writeString(dir.resolve("docker.yaml"), "capture: {file: shop.twcap, session: \"cookie:session\"}\n"
        + "twins:\n"
        + "  baseline:\n" + twin.formatted("1.4")
        + "  candidate:\n" + twin.formatted("1.5")
        + "  baseline2:\n" + twin.formatted("1.4")
        + "dependencies: {captures: [shop.twcap], latency: none}\n"
        // What is checked is the gate's verdict on real containers, not the machine's pace: on a CI
        // host busy with other builds the replayer may fall seconds behind, which a tighter bound
        // would turn into an INCONCLUSIVE run.
        + "replay: {speed: 1, warmup: 500ms, lagBound: 60s}\n"
        + "gate:\n  version: test\n  defaults: {minSamples: 50}\n");
  }

  /**
   * Sessions, 15 ms apart, that look at a product, put it in the cart and check out, with the
   * payments call each checkout made (the egress exchange the simulators are made from).
   */
  private static void writeCapture(Path file) throws IOException {
    try (CaptureWriter w = CaptureWriter.open(file, CaptureWriterOptions.builder().fsync(FsyncPolicy.NEVER)
        .blockAge(Duration.ofHours(1)).build())) {
      for (int i = 0; i < SESSIONS; i++) {
        long at = T0 + i * 15_000_000L;
        int product = 1 + i % 40;
        Headers cookie = Headers.of("Host", "shop", "Cookie", "session=s" + i, "Content-Type", "application/json");
        w.append(Exchange.inbound("product" + i, at, "c" + i, new HttpRequest("GET", "/products/" + product,
            "HTTP/1.1", cookie, Body.EMPTY), new HttpResponse(200, Headers.of("Content-Type", "application/json"),
            Body.ofUtf8("{\"id\":" + product + "}")), new Timings(at, at + 1_000_000, at + 2_000_000)));
        long cart = at + 3_000_000L;
        w.append(Exchange.inbound("cart" + i, cart, "c" + i, new HttpRequest("POST", "/cart/items", "HTTP/1.1",
            cookie, Body.ofUtf8("{\"productId\":" + product + ",\"quantity\":1}")),
            new HttpResponse(200, Headers.EMPTY, Body.ofUtf8("{}")), new Timings(cart, cart + 1_000_000,
            cart + 2_000_000)));
        long checkout = at + 6_000_000L;
        long pay = checkout + 1_000_000L;
        w.append(new Exchange("pay" + i, pay, Direction.OUTBOUND, "payments", "u1",
            new HttpRequest("POST", "/v1/charges", "HTTP/1.1", Headers.of("Host", "payments",
                "Content-Type", "application/json"), Body.ofUtf8("{\"amount\":1234,\"currency\":\"EUR\"}")),
            new HttpResponse(200, Headers.of("Content-Type", "application/json"),
                Body.ofUtf8("{\"id\":\"" + String.format(Locale.ROOT, "ch_3Mml%020d", i) + "\",\"status\":\"succeeded\"}")),
            new Timings(pay, pay + 3_000_000, pay + 4_000_000), ContextTags.EMPTY, List.of()));
        w.append(Exchange.inbound("checkout" + i, checkout, "c" + i, new HttpRequest("POST", "/checkout",
            "HTTP/1.1", cookie, Body.ofUtf8("{\"card\":\"4111\"}")), new HttpResponse(200, Headers.EMPTY,
            Body.ofUtf8("{\"status\":\"paid\"}")), new Timings(checkout, checkout + 5_000_000,
            checkout + 6_000_000)));
      }
    }
  }
}
