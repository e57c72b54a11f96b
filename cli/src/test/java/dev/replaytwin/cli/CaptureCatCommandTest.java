package dev.replaytwin.cli;

import static dev.replaytwin.cli.CliRun.twin;
import static dev.replaytwin.cli.TestExchange.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureCatCommandTest {
  @TempDir Path dir;

  @Test
  void printsOneScannableLinePerExchange() throws IOException {
    Path capture = TestCaptures.write(dir.resolve("c.twcap"), List.of(
        TestExchange.get("/users/42").id("ex-1").at(T0.plusMillis(250)).responseBody("x".repeat(1536))
            .tookNanos(12_300_000).build(),
        TestExchange.request("POST", "/charges").id("ex-2").at(T0.plusMillis(251)).outbound("payments").noResponse()
            .build()));

    CliRun run = twin("capture", "cat", capture.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.outLines()).containsExactly(
        "2026-11-21T10:00:00.250Z  IN            GET     /users/42                        → 200           1.5 KiB    12.3 ms  ex-1",
        "2026-11-21T10:00:00.251Z  OUT payments  POST    /charges                         → no response         -          -  ex-2");
  }

  @Test
  void keepsEachExchangeOnItsLineWhateverTheTarget() throws IOException {
    Path capture = TestCaptures.write(dir.resolve("c.twcap"), List.of(
        TestExchange.get("/a\nb").id("ex-1").build()));

    CliRun run = twin("capture", "cat", capture.toString());

    assertThat(run.outLines()).singleElement().asString().contains("/a\\u000ab");
  }

  @Test
  void limitStopsAfterNExchanges() throws IOException {
    Path capture = TestCaptures.write(dir.resolve("c.twcap"), TestCaptures.numbered(50));

    CliRun run = twin("capture", "cat", capture.toString(), "--limit", "3");

    assertThat(run.exitCode()).isZero();
    assertThat(run.outLines()).hasSize(3).last().asString().endsWith("ex-0002");
  }

  @Test
  void limitZeroPrintsNothing() throws IOException {
    Path capture = TestCaptures.write(dir.resolve("c.twcap"), TestCaptures.numbered(5));

    CliRun run = twin("capture", "cat", capture.toString(), "--limit", "0");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEmpty();
  }

  @Test
  void negativeLimitIsAUsageError() throws IOException {
    Path capture = TestCaptures.write(dir.resolve("c.twcap"), TestCaptures.numbered(5));

    CliRun run = twin("capture", "cat", capture.toString(), "--limit", "-1");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).containsExactly(
        "error: Invalid value for option '--limit': -1 (expected: 0 or more) (see 'twin capture cat --help')");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void absoluteFromAndToSelectAHalfOpenRange() throws IOException {
    Path capture = TestCaptures.write(dir.resolve("c.twcap"), TestCaptures.numbered(100));

    CliRun run = twin("capture", "cat", capture.toString(),
        "--from", "2026-11-21T10:00:00.200Z", "--to", "2026-11-21T10:00:00.250Z");

    assertThat(run.exitCode()).isZero();
    assertThat(run.outLines()).extracting(CaptureCatCommandTest::id)
        .containsExactly("ex-0020", "ex-0021", "ex-0022", "ex-0023", "ex-0024");
  }

  @Test
  void relativeTimesCountFromTheFirstExchange() throws IOException {
    Path capture = TestCaptures.write(dir.resolve("c.twcap"), TestCaptures.numbered(200));

    CliRun run = twin("capture", "cat", capture.toString(), "--from", "+1s", "--to", "+1s30ms");

    assertThat(run.exitCode()).isZero();
    assertThat(run.outLines()).extracting(CaptureCatCommandTest::id).containsExactly("ex-0100", "ex-0101", "ex-0102");
  }

  @Test
  void relativeAndAbsoluteTimesMix() throws IOException {
    Path capture = TestCaptures.write(dir.resolve("c.twcap"), TestCaptures.numbered(200));

    CliRun run = twin("capture", "cat", capture.toString(), "--from", "+1950ms", "--to", "2026-11-21T10:00:01.97Z");

    assertThat(run.outLines()).extracting(CaptureCatCommandTest::id).containsExactly("ex-0195", "ex-0196");
  }

  @Test
  void timeRangeWithNothingInItPrintsNothing() throws IOException {
    Path capture = TestCaptures.write(dir.resolve("c.twcap"), TestCaptures.numbered(10));

    CliRun run = twin("capture", "cat", capture.toString(), "--from", "+1h");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEmpty();
  }

  @Test
  void badTimeIsOneLineAndExitTwo() throws IOException {
    Path capture = TestCaptures.write(dir.resolve("c.twcap"), TestCaptures.numbered(5));

    CliRun run = twin("capture", "cat", capture.toString(), "--from", "+5 minutes");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).containsExactly("error: Invalid value for option '--from': '+5 minutes' is not a"
        + " time (expected: an ISO-8601 instant like 2026-11-21T10:00:00Z, or an offset from the first exchange"
        + " like +30s, +5m, +1h30m, +250ms) (see 'twin capture cat --help')");
  }

  @Test
  void toBeforeFromIsAUsageError() throws IOException {
    Path capture = TestCaptures.write(dir.resolve("c.twcap"), TestCaptures.numbered(5));

    CliRun run = twin("capture", "cat", capture.toString(), "--from", "+2s", "--to", "+1s");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).containsExactly("error: Invalid time range: --to 2026-11-21T10:00:01Z is before"
        + " --from 2026-11-21T10:00:02Z (see 'twin capture cat --help')");
  }

  @Test
  void missingFileIsOneLineAndExitTwo() {
    Path missing = dir.resolve("missing.twcap");

    CliRun run = twin("capture", "cat", missing.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).containsExactly("error: " + missing + ": no such capture file (check the path)");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void fileThatIsNotACaptureIsOneLineAndExitTwo() throws IOException {
    Path text = Files.writeString(dir.resolve("notes.txt"), "hello, not a capture\n");

    CliRun run = twin("capture", "cat", text.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).containsExactly("error: " + text + ": not a ReplayTwin capture (no .twcap signature)");
  }

  @Test
  void directoryIsOneLineAndExitTwo() {
    CliRun run = twin("capture", "cat", dir.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).containsExactly("error: " + dir + ": is a directory (expected: a .twcap capture file)");
  }

  @Test
  void readsARotatedCaptureByItsName() throws IOException {
    Path name = dir.resolve("rot.twcap");
    TestCaptures.write(name, TestCaptures.options().blockBytes(4096).rotateEvery(1024, Duration.ZERO)
        .build(), TestCaptures.numbered(100));
    assertThat(dir.resolve("rot.00001.twcap")).exists();

    CliRun run = twin("capture", "cat", name.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.outLines()).hasSize(100);
  }

  @Test
  void emptyCapturePrintsNothing() throws IOException {
    Path capture = TestCaptures.write(dir.resolve("empty.twcap"), List.of());

    CliRun run = twin("capture", "cat", capture.toString(), "--from", "+1s");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEmpty();
  }

  static String id(String line) {
    return line.substring(line.lastIndexOf(' ') + 1);
  }
}
