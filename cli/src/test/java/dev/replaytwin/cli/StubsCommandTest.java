package dev.replaytwin.cli;

import static dev.replaytwin.cli.CliRun.twin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.replaytwin.core.Exchange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StubsCommandTest {
  @TempDir
  Path dir;

  /** Inbound traffic, polls of a charge answered pending then paid, and a call to ledger that never got an answer. */
  static Path egress(Path dir) throws Exception {
    List<Exchange> exchanges = new ArrayList<>();
    exchanges.add(TestExchange.get("/orders/1").id("in-1").build());
    String[] bodies = {"{\"status\":\"pending\"}", "{\"status\":\"pending\"}", "{\"status\":\"paid\"}"};
    for (int i = 0; i < bodies.length; i++) {
      exchanges.add(TestExchange.get("/v1/charges/1001").id("out-" + i).outbound("payments")
          .at(TestExchange.T0.plusMillis(10 * (i + 1))).responseHeader("Content-Type", "application/json")
          .responseBody(bodies[i]).tookNanos(40_000_000).build());
    }
    exchanges.add(TestExchange.request("POST", "/entries").id("out-9").outbound("ledger").noResponse().build());
    return TestCaptures.write(dir.resolve("egress.twcap"), exchanges);
  }

  @Test
  void writesStubsAndSummarizesThemPerDependencyAndEndpoint() throws Exception {
    Path out = dir.resolve("stubs");
    CliRun run = twin("stubs", "--capture", egress(dir).toString(), "--out", out.toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    assertThat(run.outLines().get(0)).isEqualTo(
        "twin stubs: 2 dependencies, 1 mapping, 1 sequence from 4 OUTBOUND exchanges -> " + out);
    assertThat(run.outLines()).contains("  ledger: 0 endpoints, 0 mappings, 0 sequences",
        "  payments: 1 endpoint, 1 mapping, 1 sequence");
    assertThat(run.outLines()).anySatisfy(l -> assertThat(l).startsWith("    GET /v1/charges/{id}       3 exchanges")
        .contains("lognormal median 20.0 ms"));
    assertThat(run.err()).isEqualTo("warning: ledger: 1 exchanges without a response left out (timeouts or resets;"
        + " inject them as faults if a scenario needs them)\n");
    assertThat(out.resolve("stubs.json")).exists();
    try (var files = Files.list(out.resolve("payments/mappings"))) {
      assertThat(files.count()).isEqualTo(1);
    }
  }

  @Test
  void badInputIsOneLineAndExitCode2() throws Exception {
    Path capture = egress(dir);
    CliRun missing = twin("stubs", "--capture", dir.resolve("none.twcap").toString(), "--out", dir.resolve("a").toString());
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(missing.errLines()).singleElement().asString().startsWith("error: ").contains("none.twcap");

    Path inboundOnly = TestCaptures.write(dir.resolve("in.twcap"), List.of(TestExchange.get("/a").build()));
    CliRun noOutbound = twin("stubs", "--capture", inboundOnly.toString(), "--out", dir.resolve("b").toString());
    assertThat(noOutbound.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(noOutbound.errLines()).singleElement().asString()
        .startsWith("error: " + inboundOnly + ": no OUTBOUND exchanges (1 inbound)");

    Files.createDirectories(dir.resolve("full"));
    Files.writeString(dir.resolve("full/keep.txt"), "mine");
    CliRun notEmpty = twin("stubs", "--capture", capture.toString(), "--out", dir.resolve("full").toString());
    assertThat(notEmpty.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(notEmpty.errLines()).singleElement().asString().contains("full: not empty");

    CliRun unknown = twin("stubs", "--capture", capture.toString(), "--out", dir.resolve("c").toString(),
        "--dependency", "billing");
    assertThat(unknown.errLines()).singleElement().asString()
        .isEqualTo("error: --dependency billing: not in " + capture + " (it has: ledger, payments)");

    CliRun latency = twin("stubs", "--capture", capture.toString(), "--out", dir.resolve("d").toString(),
        "--latency", "gaussian");
    assertThat(latency.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(latency.errLines()).singleElement().asString().isEqualTo(
        "error: --latency gaussian: not a latency model (expected: fit, lognormal, empirical or none)");
    assertThat(dir.resolve("d")).doesNotExist();
  }

  @Test
  void serveRefusesADirectoryThatHoldsNoStubs() {
    CliRun run = twin("stubs", "serve", dir.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(run.errLines()).singleElement().asString()
        .startsWith("error: " + dir + ": not a stubs directory (no stubs.json; make one with twin stubs");
    CliRun missing = twin("stubs", "--out", dir.resolve("x").toString());
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(missing.err()).contains("Missing required option: '--capture=FILE'");
  }
}
