package dev.replaytwin.cli;

import static dev.replaytwin.cli.CliRun.twin;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
  @TempDir Path dir;

  @Test
  void aBrokenScenarioExitsTwoListingEveryProblemAndStartsNothing() throws IOException {
    Path file = Files.writeString(dir.resolve("bad.yaml"), """
        capture: {file: nowhere.twcap}
        twins:
          candidate: {process: {command: [x, "${port}"]}}
        replay: {speed: fast}
        """);

    CliRun r = twin("run", file.toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).anyMatch(l -> l.contains(file + ":1: capture.file: nowhere.twcap: no such capture file"))
        .anyMatch(l -> l.contains("twins.baseline: missing"))
        .anyMatch(l -> l.contains(file + ":4: replay.speed: fast"));
    assertThat(dir.resolve("reports")).doesNotExist();
  }

  @Test
  void anUnknownDriverIsUsage() {
    CliRun r = twin("run", dir.toString(), "--driver", "kubernetes");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--driver kubernetes (expected: process, docker or external)");
  }

  @Test
  void twoIdenticalExternalTwinsPassAndTheReportIsWritten() throws Exception {
    List<HttpServer> servers = new ArrayList<>();
    try {
      StringBuilder twins = new StringBuilder("twins:\n");
      for (String name : List.of("baseline", "candidate")) {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        s.createContext("/", ex -> {
          byte[] body = ("{\"path\":\"" + ex.getRequestURI().getPath() + "\"}").getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().set("Content-Type", "application/json");
          ex.sendResponseHeaders(200, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
        s.start();
        servers.add(s);
        twins.append("  ").append(name).append(": {external: {url: \"http://127.0.0.1:")
            .append(s.getAddress().getPort()).append("\"}}\n");
      }
      List<dev.replaytwin.core.Exchange> exchanges = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        exchanges.add(TestExchange.get("/items/" + (i % 30)).id("x" + i).at(TestExchange.T0.plusMillis(i * 5L))
            .status(200).build());
      }
      TestCaptures.write(dir.resolve("c.twcap"), TestCaptures.options().build(), exchanges);
      Path file = Files.writeString(dir.resolve("aa.yaml"), "capture: {file: c.twcap}\n" + twins
          + "replay: {speed: 4, lagBound: 1s}\n"
          + "gate:\n  version: t\n  defaults: {minSamples: 20, latency: {allow: {relative: 50%, absolute: 50ms}}}\n");

      CliRun r = twin("run", file.toString(), "--progress", "none");

      assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(0);
      assertThat(r.out()).startsWith("PASS").contains("report: " + dir.resolve("reports/aa/index.html"))
          .contains("run: " + dir.resolve("reports/aa"));
      assertThat(r.err()).contains("twin run: starting candidate (external)", "twin run: comparing");
      assertThat(dir.resolve("reports/aa/run/run.json")).exists();
    } finally {
      servers.forEach(s -> s.stop(0));
    }
  }
}
