package dev.replaytwin.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replaytwin.compare.Decision;
import dev.replaytwin.compare.Verdict;
import dev.replaytwin.core.Body;
import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.Headers;
import dev.replaytwin.core.HttpRequest;
import dev.replaytwin.core.HttpResponse;
import dev.replaytwin.core.Timings;
import dev.replaytwin.core.capture.CaptureWriter;
import dev.replaytwin.core.capture.CaptureWriterOptions;
import dev.replaytwin.core.capture.FsyncPolicy;
import dev.replaytwin.core.run.ResourceLog;
import dev.replaytwin.core.run.RunDirectory;
import dev.replaytwin.replay.ReplayProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole scenarios with the demo shop as real process twins. */
class ScenarioRunnerIT {
  private static final long T0 = 1_795_305_600_000_000_000L;
  private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

  @TempDir Path dir;
  private final List<String> phases = new ArrayList<>();

  @Test
  void theCandidatesRenamedFieldFailsTheGateWhileTheStampsAreNoise() throws Exception {
    writeCapture(dir.resolve("shop.twcap"), 1400);
    Path file = scenario("gate.yaml", "1.5", "");

    ScenarioResult r = run(file);

    assertThat(r.decision()).as(r.summary()).isEqualTo(Decision.FAIL);
    assertThat(r.setupError()).isFalse();
    Verdict v = r.verdict();
    List<Verdict.Check> failed = v.checks().stream().filter(c -> c.decision() == Decision.FAIL).toList();
    assertThat(failed).isNotEmpty().allMatch(c -> c.endpoint().equals("GET /products/{id}"), "only the product page");
    assertThat(failed).anyMatch(c -> c.name().contains("$.price"));
    assertThat(v.checks()).noneMatch(c -> c.decision() == Decision.FAIL
        && (c.name().contains("requestId") || c.name().contains("servedAt")));
    assertThat(r.reports()).extracting(p -> p.getFileName().toString())
        .contains("verdict.json", "summary.md", "junit.xml", "index.html");
    RunDirectory run = RunDirectory.at(r.runDir());
    assertThat(run.targets()).containsExactlyInAnyOrder("baseline", "candidate", "baseline2");
    assertThat(ResourceLog.read(run.resources("candidate"))).isNotEmpty()
        .allMatch(s -> s.rssBytes() > 0 && s.cpuSeconds() >= 0);
    JsonNode record = new ObjectMapper().readTree(r.reportDir().resolve("scenario.json").toFile());
    assertThat(record.path("status").asText()).isEqualTo("finished");
    assertThat(record.path("twins").size()).isEqualTo(3);
    assertThat(phases).anyMatch(p -> p.startsWith("starting candidate (process)"))
        .anyMatch(p -> p.startsWith("replaying shop.twcap")).contains("comparing");
  }

  @Test
  void theCandidatesExtraPaymentsCallPerCheckoutIsFoundThroughItsSimulatedDependency() throws Exception {
    writeCheckouts(dir.resolve("shop.twcap"), 800);
    Path file = scenario("checkout.yaml", "1.5", "dependencies: {captures: [shop.twcap], latency: none}\n");
    Files.writeString(file, Files.readString(file).replace("capture: {file: shop.twcap}",
        "capture: {file: shop.twcap, session: \"cookie:session\"}"));

    ScenarioResult r = run(file);
    if (System.getenv("TWIN_IT_KEEP") != null) {
      copy(r.reportDir(), Path.of(System.getenv("TWIN_IT_KEEP")));
    }

    Verdict v = r.verdict();
    assertThat(v).as(r.summary()).isNotNull();
    assertThat(v.checks()).filteredOn(c -> c.category().equals("dependencies"))
        .anyMatch(c -> c.decision() == Decision.FAIL && c.name().equals("payments GET /v1/charges/{token} calls"))
        .anyMatch(c -> c.decision() == Decision.PASS && c.name().equals("payments POST /v1/charges calls"));
    RunDirectory run = RunDirectory.at(r.runDir());
    List<dev.replaytwin.core.run.DependencyCall> baselineCalls = dev.replaytwin.core.run.CallLog.read(run.calls("baseline"));
    List<dev.replaytwin.core.run.DependencyCall> candidateCalls = dev.replaytwin.core.run.CallLog.read(run.calls("candidate"));
    assertThat(baselineCalls).hasSizeGreaterThan(200).allMatch(c -> !c.traceId().isEmpty() && c.method().equals("POST"));
    long charged = candidateCalls.stream().filter(c -> c.method().equals("POST") && c.status() == 200).count();
    assertThat(candidateCalls.stream().filter(c -> c.method().equals("GET")).count())
        .as("every charge read back").isEqualTo(charged);
    assertThat(candidateCalls).allMatch(c -> !c.traceId().isEmpty());
    assertThat(r.reportDir().resolve("stubs/stubs.json")).exists();
  }

  @Test
  void aCandidateThatWillNotStartFailsTheRunAndStopsTheBaseline() throws Exception {
    writeCapture(dir.resolve("shop.twcap"), 50);
    Path file = scenario("broken.yaml", "9.9", "");

    ScenarioResult r = run(file);

    assertThat(r.decision()).isEqualTo(Decision.FAIL);
    assertThat(r.summary()).startsWith("the candidate did not start: candidate exited with code 2");
    assertThat(r.verdict()).isNull();
    JsonNode record = new ObjectMapper().readTree(r.reportDir().resolve("scenario.json").toFile());
    assertThat(record.path("status").asText()).isEqualTo("failed");
    String baselineUrl = record.path("twins").path("baseline").asText();
    assertThat(baselineUrl).startsWith("http://127.0.0.1:");
    assertThat(ProcessHandle.current().descendants().filter(p -> p.info().commandLine().orElse("")
        .contains("ShopService")).toList()).as("no shop left running").isEmpty();
  }

  @Test
  void aSecondRunReplacesTheFirstButAForeignDirectoryIsRefused() throws Exception {
    writeCapture(dir.resolve("shop.twcap"), 50);
    Path file = scenario("again.yaml", "9.9", "");
    run(file);
    ScenarioResult second = run(file);
    assertThat(second.reportDir().resolve("scenario.json")).exists();

    Files.writeString(dir.resolve("reports/again/notes.txt"), "mine");
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> run(file)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("notes.txt");
  }

  private static void copy(Path from, Path to) throws IOException {
    try (var s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private ScenarioResult run(Path file) throws Exception {
    Scenario s = Scenarios.load(file).get(0);
    return new ScenarioRunner(s, ScenarioRunner.Options.DEFAULTS, new ScenarioListener() {
      @Override
      public void phase(String text) {
        phases.add(text);
      }

      @Override
      public void onProgress(ReplayProgress progress) {}
    }).run();
  }

  private Path scenario(String name, String candidateRelease, String extra) throws IOException {
    String classes = Path.of("target/classes").toAbsolutePath().toString();
    String payments = extra.contains("dependencies") ? ", --payments, \"${dep.payments.url}\"" : "";
    String twin = "    process:\n      command: [\"" + JAVA + "\", -cp, \"" + classes + "\","
        + " dev.replaytwin.scenario.demo.ShopService, --port, \"${port}\", --release, \"%s\"" + payments + "]\n"
        + "    health: {path: /health, timeout: 30s}\n";
    return Files.writeString(dir.resolve(name), "capture: {file: shop.twcap}\n"
        + "twins:\n"
        + "  baseline:\n" + twin.formatted("1.4")
        + "  candidate:\n" + twin.formatted(candidateRelease)
        + "  baseline2:\n" + twin.formatted("1.4")
        // What is checked is the verdict on real twins, not this host's pace: a loaded build machine
        // (send lag p99 of 3 s was seen with other builds running) must not make the run INCONCLUSIVE.
        + "replay: {speed: 2, warmup: 5s, lagBound: 60s}\n"
        + "gate:\n  version: test\n  defaults: {minSamples: 50}\n" + extra);
  }

  /** Sessions that put a product in the cart and check out, with the payments call each checkout made. */
  private static void writeCheckouts(Path file, int sessions) throws IOException {
    try (CaptureWriter w = CaptureWriter.open(file, CaptureWriterOptions.builder().fsync(FsyncPolicy.NEVER)
        .blockAge(Duration.ofHours(1)).build())) {
      for (int i = 0; i < sessions; i++) {
        long at = T0 + i * 20_000_000L;
        Headers cookie = Headers.of("Host", "shop", "Cookie", "session=s" + i, "Content-Type", "application/json");
        w.append(Exchange.inbound("cart" + i, at, "c" + i, new HttpRequest("POST", "/cart/items", "HTTP/1.1", cookie,
            Body.ofUtf8("{\"productId\":3,\"quantity\":1}")), new HttpResponse(200, Headers.EMPTY, Body.ofUtf8("{}")),
            new Timings(at, at + 1_000_000, at + 2_000_000)));
        long pay = at + 5_000_000L;
        w.append(new Exchange("pay" + i, pay, dev.replaytwin.core.Direction.OUTBOUND, "payments", "u1",
            new HttpRequest("POST", "/v1/charges", "HTTP/1.1", Headers.of("Host", "payments",
                "Content-Type", "application/json"), Body.ofUtf8("{\"amount\":1234,\"currency\":\"EUR\"}")),
            new HttpResponse(200, Headers.of("Content-Type", "application/json"),
                Body.ofUtf8("{\"id\":\"" + chargeId(i) + "\",\"status\":\"succeeded\"}")),
            new Timings(pay, pay + 3_000_000, pay + 4_000_000), dev.replaytwin.core.ContextTags.EMPTY, List.of()));
        w.append(Exchange.inbound("checkout" + i, at + 4_000_000L, "c" + i, new HttpRequest("POST", "/checkout",
            "HTTP/1.1", cookie, Body.ofUtf8("{\"card\":\"4111\"}")), new HttpResponse(200, Headers.EMPTY,
            Body.ofUtf8("{\"status\":\"paid\"}")), new Timings(at + 4_000_000L, at + 9_000_000, at + 10_000_000)));
      }
    }
  }

  /** A charge id as payment providers write them: {@code ch_} and 24 letters and digits. */
  private static String chargeId(int i) {
    return String.format("ch_3Mml%020d", i);
  }

  /** Product page requests, as 1.4 answered them, 10 ms apart. */
  private static void writeCapture(Path file, int count) throws IOException {
    try (CaptureWriter w = CaptureWriter.open(file, CaptureWriterOptions.builder().fsync(FsyncPolicy.NEVER)
        .blockAge(Duration.ofHours(1)).build())) {
      for (int i = 0; i < count; i++) {
        long at = T0 + i * 10_000_000L;
        int id = 1 + i % 40;
        HttpRequest req = new HttpRequest("GET", "/products/" + id, "HTTP/1.1", Headers.of("Host", "shop"), Body.EMPTY);
        HttpResponse resp = new HttpResponse(200, Headers.of("Content-Type", "application/json"),
            Body.ofUtf8("{\"id\":" + id + "}"));
        w.append(Exchange.inbound("x" + i, at, "c" + (i % 8), req, resp, new Timings(at, at + 1_000_000, at + 2_000_000)));
      }
    }
  }
}
