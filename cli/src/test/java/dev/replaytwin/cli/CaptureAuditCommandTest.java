package dev.replaytwin.cli;

import static dev.replaytwin.cli.CliRun.twin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.scrub.ScrubKey;
import dev.replaytwin.core.scrub.ScrubPolicy;
import dev.replaytwin.core.scrub.Scrubber;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureAuditCommandTest {
  @TempDir Path dir;
  private List<Exchange> exchanges;

  /** Three exchanges: one clean, one with an e-mail in its path and a card in its body, one with a client IP. */
  @BeforeEach
  void exchangesWithPersonalData() {
    exchanges = List.of(
        TestExchange.get("/items/1").id("ex-clean").build(),
        TestExchange.request("POST", "/users/alice@example.com/cards").id("ex-card")
            .requestHeader("Content-Type", "application/json")
            .requestBody("{\"card\":\"4111 1111 1111 1111\"}").build(),
        TestExchange.get("/health").id("ex-ip").requestHeader("X-Forwarded-For", "203.0.113.7").build());
  }

  @Test
  void listsMaskedFindingsThenASummaryAndExitsOneOnAnUnscrubbedCapture() throws IOException {
    Path capture = TestCaptures.write(dir.resolve("raw.twcap"), exchanges);

    CliRun run = twin("capture", "audit", capture.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEmpty();
    assertThat(run.outLines()).containsExactly(
        "ex-card  detector:email   request.target                a***@e***.com",
        "ex-card  detector:card    request.body:$.card           4*** **** **** **11",
        "ex-ip  detector:ipv4    request.header:X-Forwarded-For  2**.*.***.7",
        "",
        "Audit          " + capture + ": 3 exchanges, 3 findings in 2 exchanges",
        "Scrub policy   none recorded (the capture was written without scrubbing)",
        "By rule        detector:card 1, detector:email 1, detector:ipv4 1");
    assertThat(run.out()).doesNotContain("alice@example.com", "4111", "203.0.113.7");
  }

  @Test
  void aScrubbedCaptureIsCleanAndExitsZero() throws IOException {
    ScrubPolicy policy = ScrubPolicy.defaults();
    Scrubber scrubber = Scrubber.create(policy, ScrubKey.of("cli test key, 16+ bytes".getBytes(StandardCharsets.UTF_8)));
    List<Exchange> scrubbed = new ArrayList<>();
    exchanges.forEach(e -> scrubbed.add(scrubber.scrub(e)));
    Path capture = TestCaptures.write(dir.resolve("scrubbed.twcap"),
        TestCaptures.options().scrubPolicyDigest(policy.digest()).build(), scrubbed);

    CliRun run = twin("capture", "audit", capture.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.outLines()).containsExactly(
        "Audit          " + capture + ": 3 exchanges, no personal data found",
        "Scrub policy   " + policy.digest());
  }

  @Test
  void limitShowsTheFirstFindingsAndCountsTheRest() throws IOException {
    Path capture = TestCaptures.write(dir.resolve("raw.twcap"), exchanges);

    CliRun run = twin("capture", "audit", capture.toString(), "--limit", "1");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.outLines()).startsWith("ex-card  detector:email   request.target                a***@e***.com",
        "… 2 more findings not shown (--limit sets how many are)");
    assertThat(run.out()).contains("3 findings in 2 exchanges");
  }

  @Test
  void jsonIsOneObjectWithCountsAndTheFindingsShown() throws IOException {
    Path capture = TestCaptures.write(dir.resolve("raw.twcap"), exchanges);

    CliRun run = twin("capture", "audit", capture.toString(), "--json", "--limit", "2");

    assertThat(run.exitCode()).isEqualTo(1);
    Map<String, Object> report = JsonValues.parseObject(run.out());
    assertThat(report).containsEntry("capture", capture.toString())
        .containsEntry("scrubPolicyDigest", "")
        .containsEntry("exchanges", 3L)
        .containsEntry("exchangesWithFindings", 2L)
        .containsEntry("findings", 3L)
        .containsEntry("byRule", Map.of("detector:card", 1L, "detector:email", 1L, "detector:ipv4", 1L));
    assertThat((List<?>) report.get("shown")).hasSize(2).first().isEqualTo(Map.of("exchangeId", "ex-card",
        "rule", "detector:email", "location", "request.target", "maskedExcerpt", "a***@e***.com"));
  }

  @Test
  void isACaptureSubcommandWithHelp() {
    CliRun group = twin("capture", "--help");
    CliRun help = twin("capture", "audit", "--help");

    assertThat(group.out()).contains("audit");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).startsWith("Usage: twin capture audit").contains("--json", "--limit=N", "--skip-corrupt");
  }

  @Test
  void badInputIsOneLineAndExitTwo() throws IOException {
    Path missing = dir.resolve("missing.twcap");
    Path notACapture = Files.writeString(dir.resolve("notes.twcap"), "hello");

    CliRun noFile = twin("capture", "audit", missing.toString());
    CliRun directory = twin("capture", "audit", dir.toString());
    CliRun negative = twin("capture", "audit", missing.toString(), "--limit", "-1");
    CliRun garbage = twin("capture", "audit", notACapture.toString());

    assertThat(List.of(noFile, directory, negative, garbage)).allSatisfy(run -> {
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.errLines()).hasSize(1).first().asString().startsWith("error: ");
    });
    assertThat(noFile.errLines()).containsExactly("error: " + missing + ": no such capture file (check the path)");
    assertThat(negative.errLines()).containsExactly(
        "error: Invalid value for option '--limit': -1 (expected: 0 or more) (see 'twin capture audit --help')");
  }

  @Test
  void aCorruptBlockStopsTheAuditUnlessSkipped() throws IOException {
    List<Exchange> many = new ArrayList<>(TestCaptures.numbered(200));
    many.add(exchanges.get(1));
    Path intact = TestCaptures.write(dir.resolve("big.twcap"), TestCaptures.options().blockBytes(4096).build(), many);
    Path damaged = TestCaptures.copyWithFlippedByte(intact, dir.resolve("damaged.twcap"), Files.size(intact) / 2);

    CliRun stopped = twin("capture", "audit", damaged.toString());
    CliRun skipped = twin("capture", "audit", damaged.toString(), "--skip-corrupt");

    assertThat(stopped.exitCode()).isEqualTo(2);
    assertThat(stopped.errLines()).singleElement().asString().startsWith("error: " + damaged + ": corrupt block at byte ")
        .endsWith("(rerun with --skip-corrupt to audit the other blocks)");
    assertThat(skipped.exitCode()).isEqualTo(1);
    assertThat(skipped.errLines()).singleElement().asString().startsWith("warning: " + damaged + ": corrupt block");
    assertThat(skipped.out()).contains("detector:card");
  }
}
