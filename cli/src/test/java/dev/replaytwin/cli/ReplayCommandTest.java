package dev.replaytwin.cli;

import static dev.replaytwin.cli.CliRun.twin;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.replaytwin.core.run.RunDirectory;
import dev.replaytwin.core.run.RunManifest;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReplayCommandTest {
  @TempDir Path dir;
  private HttpServer server;
  private final AtomicInteger served = new AtomicInteger();
  private volatile long delayMillis;
  private Path capture;

  @BeforeEach
  void startTargetAndWriteCapture() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.setExecutor(Executors.newFixedThreadPool(1));
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      served.incrementAndGet();
      try {
        Thread.sleep(delayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    capture = TestCaptures.write(dir.resolve("c.twcap"), TestCaptures.numbered(20));
  }

  @AfterEach
  void stopTarget() {
    server.stop(0);
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Test
  void replaysToEveryTargetWritesTheRunAndPrintsASummary() throws IOException {
    Path out = dir.resolve("run");
    // A generous lag bound: this test is about the command, not about this machine's timing.
    CliRun run = twin("replay", "--capture", capture.toString(), "--target", "baseline=" + url(),
        "--target", "candidate=" + url(), "--speed", "4", "--lag-bound", "1s", "--progress", "none",
        "--out", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(served.get()).isEqualTo(40);
    assertThat(run.out()).contains("baseline", "20 requests, 20 answered, 0 errors", "candidate", "valid");
    RunManifest m = RunManifest.read(RunDirectory.at(out).manifest());
    assertThat(m.targets()).extracting(RunManifest.Target::name).containsExactly("baseline", "candidate");
    assertThat(m.schedule().speed()).isEqualTo(4.0);
    assertThat(Files.size(RunDirectory.at(out).outcomes("candidate"))).isPositive();
  }

  @Test
  void aRunThatDroppedRequestsIsInconclusiveAndExitsThree() {
    delayMillis = 100;
    CliRun run = twin("replay", "--capture", capture.toString(), "--target", "slow=" + url(), "--speed", "10",
        "--max-connections", "1", "--max-waiting", "0", "--lag-bound", "1s", "--progress", "none",
        "--out", dir.resolve("run").toString());
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("inconclusive: ").contains("could not be sent");
  }

  static Stream<Arguments> badArguments() {
    return Stream.of(
        Arguments.of(List.of("--rate", "fast"), "rate"),
        Arguments.of(List.of("--speed", "2", "--rate", "5/s"), "mutually exclusive"),
        Arguments.of(List.of("--shard", "3/3"), "0 <= i < N"),
        Arguments.of(List.of("--session", "ip"), "cookie:NAME"),
        Arguments.of(List.of("--correlate", "json:$.token"), "need a session rule"),
        Arguments.of(List.of("--loop"), "--loop needs --duration"),
        Arguments.of(List.of("--duration", "10s", "--warmup", "10s"), "not shorter than --duration"),
        Arguments.of(List.of("--include", "api"), "path glob"),
        Arguments.of(List.of("--sample", "0"), "sample"),
        Arguments.of(List.of("--target", "nourl"), "NAME=URL"),
        Arguments.of(List.of("--target", "x=ftp://h"), "http:// or https://"),
        Arguments.of(List.of("--start-at", "yesterday"), "ISO-8601"),
        Arguments.of(List.of("--start-at", "2020-01-01T00:00:00Z"), "in the past"),
        Arguments.of(List.of("--set-header", "novalue"), "NAME=VALUE"),
        Arguments.of(List.of("--poisson"), "--poisson needs --rate"));
  }

  @ParameterizedTest
  @MethodSource("badArguments")
  void badArgumentsExitTwoWithOneLine(List<String> extra, String expected) {
    List<String> args = new ArrayList<>(List.of("replay", "--capture", capture.toString(), "--target", "a=" + url(),
        "--out", dir.resolve("run").toString()));
    args.addAll(extra);
    CliRun run = twin(args.toArray(String[]::new));
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err()).contains(expected);
    assertThat(served.get()).isZero();
  }

  @Test
  void aMissingCaptureOrAUsedRunDirectoryExitsTwoAndSendsNothing() throws IOException {
    CliRun missing = twin("replay", "--capture", dir.resolve("nope.twcap").toString(), "--target", "a=" + url(),
        "--out", dir.resolve("r1").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err().strip().lines()).hasSize(1);
    assertThat(missing.err()).contains("nope.twcap");

    Files.createDirectories(dir.resolve("used"));
    Files.writeString(dir.resolve("used/notes.txt"), "keep me");
    CliRun used = twin("replay", "--capture", capture.toString(), "--target", "a=" + url(),
        "--out", dir.resolve("used").toString());
    assertThat(used.exitCode()).isEqualTo(2);
    assertThat(used.err()).contains("not empty");
    assertThat(Files.readString(dir.resolve("used/notes.txt"))).isEqualTo("keep me");
    assertThat(served.get()).isZero();
  }
}
