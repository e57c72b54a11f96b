package dev.replaytwin.cli;

import static dev.replaytwin.cli.CliRun.twin;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code twin compare} and {@code twin report} on runs {@code twin replay} made against real local servers. */
class CompareCommandTest {
  @TempDir Path dir;
  private final List<HttpServer> servers = new ArrayList<>();
  private Path capture;
  private Path policy;

  @BeforeEach
  void writeCaptureAndPolicy() throws IOException {
    capture = TestCaptures.write(dir.resolve("c.twcap"), TestCaptures.numbered(150));
    policy = dir.resolve("gate.yaml");
    // These tests are about the command, not this machine's timing: latency may double before it counts.
    Files.writeString(policy, "version: test-1\ndefaults:\n  minSamples: 50\n"
        + "  latency: {allow: {relative: 100%, absolute: 1s}}\n");
  }

  @AfterEach
  void stopServers() {
    servers.forEach(s -> s.stop(0));
  }

  /** A target answering every request with {@code json}. */
  private String server(String json) throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    s.setExecutor(Executors.newFixedThreadPool(2));
    s.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      byte[] body = json.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    s.start();
    servers.add(s);
    return "http://127.0.0.1:" + s.getAddress().getPort();
  }

  private Path replay(String name, String candidateJson) throws IOException {
    Path out = dir.resolve(name);
    CliRun run = twin("replay", "--capture", capture.toString(), "--target", "baseline=" + server("{\"price\":10}"),
        "--target", "candidate=" + server(candidateJson), "--target", "baseline2=" + server("{\"price\":10}"),
        "--speed", "10", "--lag-bound", "10s", "--progress", "none", "--out", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    return out;
  }

  @Test
  void aCandidateLikeTheBaselinePassesAndEveryReportIsWritten() throws IOException {
    Path run = replay("same", "{\"price\":10}");
    CliRun compare = twin("compare", run.toString(), "--policy", policy.toString());
    assertThat(compare.exitCode()).as(compare.out() + compare.err()).isZero();
    assertThat(compare.out()).startsWith("PASS").contains("baseline2");
    for (String f : List.of("verdict.json", "summary.md", "junit.xml", "index.html")) {
      assertThat(run.resolve("report").resolve(f)).isNotEmptyFile();
    }
  }

  @Test
  void aRenamedFieldFailsNamingItAndTheReportCanBeRenderedAgain() throws IOException {
    Path run = replay("renamed", "{\"amount\":10}");
    Path reports = dir.resolve("reports");
    CliRun compare = twin("compare", run.toString(), "--policy", policy.toString(), "--report-dir", reports.toString(),
        "--format", "json,md");
    assertThat(compare.exitCode()).as(compare.out() + compare.err()).isEqualTo(1);
    assertThat(compare.out()).startsWith("FAIL").contains("$.price missing").contains("GET /items/{id}");
    assertThat(reports.resolve("summary.md")).content().contains("$.price");
    assertThat(reports.resolve("index.html")).doesNotExist();

    CliRun report = twin("report", reports.toString(), "--format", "html");
    assertThat(report.exitCode()).as(report.err()).isEqualTo(1);
    assertThat(reports.resolve("index.html")).content().contains("$.price");
  }

  @Test
  void badInputExitsTwoWithOneLineSayingWhatIsWrong() throws IOException {
    CliRun missing = twin("compare", dir.resolve("nothing").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("no such run directory");

    Path run = replay("bad", "{\"price\":10}");
    Files.writeString(policy, "version: 2\ndefaults:\n  latency: {allow: {relativ: 10%}}\n");
    CliRun badPolicy = twin("compare", run.toString(), "--policy", policy.toString());
    assertThat(badPolicy.exitCode()).isEqualTo(2);
    assertThat(badPolicy.err()).contains("gate.yaml:3: defaults.latency.allow.relativ: unknown key");

    Files.writeString(policy, "version: 2\nendpoints:\n  \"GET /nope\": {critical: true}\n");
    CliRun unknown = twin("compare", run.toString(), "--policy", policy.toString());
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("\"GET /nope\" is not in this run");

    CliRun target = twin("compare", run.toString(), "--candidate", "canary");
    assertThat(target.exitCode()).isEqualTo(2);
    assertThat(target.err()).contains("no target named canary");

    CliRun format = twin("compare", run.toString(), "--format", "pdf");
    assertThat(format.exitCode()).isEqualTo(2);
    assertThat(format.err()).contains("pdf");
    assertThat(run.resolve("report")).doesNotExist();
  }
}
