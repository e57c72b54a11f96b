package dev.replaytwin.cli;

import static dev.replaytwin.cli.CliRun.twin;
import static dev.replaytwin.cli.TestExchange.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.replaytwin.core.ContextTags;
import dev.replaytwin.core.Exchange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureStatsCommandTest {
  @TempDir Path dir;
  private Path capture;

  /**
   * 93 exchanges over 59 s: one GET /users/{i} a second (50 × 200, 4 × 404, 6 × 500); a burst of 25
   * POST /orders in second 30 (20 × 201, 5 without response), appended after the rest so the file is
   * out of time order; 5 calls to payments in second 10 and 3 to inventory in second 40.
   */
  @BeforeEach
  void writeCaptureWithABurst() throws IOException {
    List<Exchange> exchanges = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      int status = i < 6 ? 500 : i < 10 ? 404 : 200;
      exchanges.add(TestExchange.get("/users/" + (1000 + i)).id("bg-" + i).at(T0.plusSeconds(i)).status(status)
          .build());
    }
    for (int i = 0; i < 5; i++) {
      exchanges.add(TestExchange.request("POST", "/charges/123e4567-e89b-12d3-a456-42661417400" + i)
          .id("pay-" + i).outbound("payments").at(T0.plusSeconds(10).plusMillis(100 + i)).build());
    }
    for (int i = 0; i < 3; i++) {
      exchanges.add(TestExchange.get("/stock/" + i).id("inv-" + i).outbound("inventory")
          .at(T0.plusSeconds(40).plusMillis(i)).status(503).build());
    }
    for (int i = 0; i < 25; i++) {
      TestExchange burst = TestExchange.request("POST", "/orders").id("burst-" + i)
          .at(T0.plusSeconds(30).plusMillis(20L * i + 1));
      exchanges.add((i < 20 ? burst.status(201) : burst.noResponse()).build());
    }
    capture = TestCaptures.write(dir.resolve("shop.twcap"), TestCaptures.options().blockBytes(4096)
        .writerName("replaytwin/test").scrubPolicyDigest("sha256:5f2a")
        .context(new ContextTags("shop", "prod", "eu-west-1", "1.4.2", Map.of("team", "checkout"))).build(),
        exchanges);
  }

  @Test
  void reportsRecordsSpanAndRates() {
    CliRun run = twin("capture", "stats", capture.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.outLines()).contains(
        "Records        93 exchanges (85 inbound, 8 outbound)",
        "Time span      2026-11-21T10:00:00.000Z .. 2026-11-21T10:00:59.000Z (59.000 s)",
        "Rate           mean 1.6/s, peak 26/s in the second from 2026-11-21T10:00:30Z",
        "Statuses       2xx 75, 3xx 0, 4xx 4, 5xx 9, no response 5");
  }

  @Test
  void groupsEndpointsByRouteWithTheirStatusMix() {
    CliRun run = twin("capture", "stats", capture.toString());

    assertThat(run.out()).contains(String.join(System.lineSeparator(),
        "Top 4 of 4 endpoints",
        "  count    2xx    3xx    4xx    5xx   none  endpoint",
        "     60     50      0      4      6      0  GET /users/{id}",
        "     25     20      0      0      0      5  POST /orders",
        "      5      5      0      0      0      0  [payments] POST /charges/{uuid}",
        "      3      0      0      0      3      0  [inventory] GET /stock/{id}"));
  }

  @Test
  void topLimitsTheEndpointTable() {
    CliRun run = twin("capture", "stats", capture.toString(), "--top", "1");

    assertThat(run.out()).contains("Top 1 of 4 endpoints").contains("GET /users/{id}").doesNotContain("POST /orders");
  }

  @Test
  void countsTrafficPerDirectionAndDependency() {
    CliRun run = twin("capture", "stats", capture.toString());

    assertThat(run.out()).contains(String.join(System.lineSeparator(),
        "Traffic by direction",
        "  inbound             85",
        "  outbound inventory   3",
        "  outbound payments    5"));
  }

  @Test
  void showsTheHeaderBytesAndNoProblems() throws IOException {
    CliRun run = twin("capture", "stats", capture.toString());

    assertThat(run.outLines()).contains(
        "Capture        " + capture,
        "Segments       1 file",
        "Format         version 1",
        "Writer         replaytwin/test",
        "Scrub policy   sha256:5f2a",
        "Context        service=shop environment=prod region=eu-west-1 release=1.4.2 team=checkout");
    assertThat(run.outLines()).anySatisfy(line -> assertThat(line).matches(
        "Bytes          raw \\d+\\.\\d KiB, compressed \\d+(\\.\\d KiB| B) \\(\\d+\\.\\d:1\\), file "
            + "\\d+\\.\\d KiB"));
    assertThat(run.outLines()).anySatisfy(line -> assertThat(line).matches("Blocks         \\d+ read, 0 corrupt, codec zstd"));
    assertThat(run.out()).contains("Problems" + System.lineSeparator() + "  none");
    assertThat(Files.size(capture)).isGreaterThan(0);
  }

  @Test
  void jsonIsOneObjectWithTheSameFigures() {
    CliRun run = twin("capture", "stats", capture.toString(), "--json", "--top", "2");

    assertThat(run.exitCode()).isZero();
    Map<String, Object> stats = JsonValues.parseObject(run.out());
    assertThat(stats).containsEntry("records", 93L)
        .containsEntry("inbound", 85L)
        .containsEntry("outbound", Map.of("inventory", 3L, "payments", 5L))
        .containsEntry("firstCaptureTime", "2026-11-21T10:00:00Z")
        .containsEntry("lastCaptureTime", "2026-11-21T10:00:59Z")
        .containsEntry("spanNanos", 59_000_000_000L)
        .containsEntry("problems", List.of());
    assertThat(JsonValues.object(stats, "peakRate"))
        .containsEntry("perSecond", 26L)
        .containsEntry("second", "2026-11-21T10:00:30Z");
    assertThat(JsonValues.object(stats, "header"))
        .containsEntry("writer", "replaytwin/test")
        .containsEntry("scrubPolicyDigest", "sha256:5f2a");
    Map<String, Object> endpoints = JsonValues.object(stats, "endpoints");
    assertThat(endpoints).containsEntry("distinct", 4L);
    assertThat((List<?>) endpoints.get("top")).hasSize(2).first().isEqualTo(Map.of("name", "GET /users/{id}",
        "count", 60L, "statuses", Map.of("1xx", 0L, "2xx", 50L, "3xx", 0L, "4xx", 4L, "5xx", 6L, "other", 0L,
            "noResponse", 0L)));
    Map<String, Object> bytes = JsonValues.object(stats, "bytes");
    assertThat((Long) bytes.get("raw")).isGreaterThan((Long) bytes.get("compressed"));
  }

  @Test
  void corruptBlockIsListedThenExitsTwoAfterTheReport() throws IOException {
    Path big = TestCaptures.write(dir.resolve("big.twcap"), TestCaptures.options().blockBytes(4096).build(),
        TestCaptures.numbered(300));
    Path damaged = TestCaptures.copyWithFlippedByte(big, dir.resolve("damaged.twcap"), Files.size(big) / 2);

    CliRun run = twin("capture", "stats", damaged.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).contains("Records ", "Top 1 of 1 endpoints", "Problems");
    assertThat(run.outLines()).anySatisfy(line -> assertThat(line)
        .startsWith("  " + damaged + ": corrupt block at byte ").contains(" skipped ("));
    assertThat(run.outLines()).anySatisfy(line -> assertThat(line).matches("Blocks         \\d+ read, 1 corrupt, codec zstd"));
    assertThat(run.errLines()).containsExactly("error: " + damaged + ": damaged capture: 1 corrupt block"
        + " (the report lists them; its figures leave out what they held)");
  }

  @Test
  void tornTailIsListedAndWarnedButExitsZero() throws IOException {
    Path torn = TestCaptures.copyTruncated(capture, dir.resolve("torn.twcap"), Files.size(capture) - 60);

    CliRun run = twin("capture", "stats", torn.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.errLines()).singleElement().asString().startsWith("warning: " + torn + ": torn last block at byte ");
    assertThat(run.out()).contains("Problems" + System.lineSeparator() + "  " + torn + ": torn last block at byte ");
  }

  @Test
  void missingSegmentOfARotatedCaptureExitsTwo() throws IOException {
    Path rotated = dir.resolve("rot.twcap");
    TestCaptures.writeRotated(rotated);
    Files.delete(dir.resolve("rot.00001.twcap"));

    CliRun run = twin("capture", "stats", rotated.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.outLines()).anySatisfy(line -> assertThat(line).startsWith("Segments       ")
        .contains("rot.00000.twcap, rot.00002.twcap"));
    assertThat(run.out()).contains("rot.00002.twcap: segments 1..1 missing before this one");
    assertThat(run.errLines()).containsExactly("error: " + rotated + ": damaged capture: 1 missing segment"
        + " (the report lists them; its figures leave out what they held)");
  }

  @Test
  void missingFirstSegmentOfARotatedCaptureExitsTwo() throws IOException {
    Path rotated = dir.resolve("rot.twcap");
    TestCaptures.writeRotated(rotated);
    Files.delete(dir.resolve("rot.00000.twcap"));

    CliRun run = twin("capture", "stats", rotated.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).contains("  " + dir.resolve("rot.00000.twcap")
        + ": segment 0 missing: the capture starts at rot.00001.twcap");
  }

  @Test
  void segmentNamedDirectlyIsNotMissingTheSegmentsBeforeIt() throws IOException {
    Path rotated = dir.resolve("rot.twcap");
    TestCaptures.writeRotated(rotated);

    CliRun run = twin("capture", "stats", dir.resolve("rot.00001.twcap").toString());

    assertThat(run.out()).contains("Segments       1 file").doesNotContain("missing");
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void missingFileIsOneLineAndExitTwo() {
    Path missing = dir.resolve("nope.twcap");

    CliRun run = twin("capture", "stats", missing.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).containsExactly("error: " + missing + ": no such capture file (check the path)");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void emptyCaptureHasZeroRecordsAndNoEndpoints() throws IOException {
    Path empty = TestCaptures.write(dir.resolve("empty.twcap"), List.of());

    CliRun run = twin("capture", "stats", empty.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.outLines()).contains("Records        0 exchanges (0 inbound, 0 outbound)", "Top 0 of 0 endpoints");
    assertThat(run.out()).doesNotContain("Time span", "Rate ");
  }
}
