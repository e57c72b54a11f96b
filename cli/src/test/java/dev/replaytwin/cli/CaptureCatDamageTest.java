package dev.replaytwin.cli;

import static dev.replaytwin.cli.CliRun.twin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.replaytwin.core.capture.CaptureFormatException;
import dev.replaytwin.core.capture.CaptureReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureCatDamageTest {
  private static final int EXCHANGES = 300;

  @TempDir Path dir;
  private Path intact;
  private long size;

  @BeforeEach
  void writeMultiBlockCapture() throws IOException {
    intact = TestCaptures.write(dir.resolve("intact.twcap"), TestCaptures.options().blockBytes(4096).build(),
        TestCaptures.numbered(EXCHANGES));
    size = Files.size(intact);
  }

  @Test
  void corruptMiddleBlockStopsWithOneLineAndTheSkipHint() throws IOException {
    Path damaged = TestCaptures.copyWithFlippedByte(intact, dir.resolve("damaged.twcap"), size / 2);

    CliRun run = twin("capture", "cat", damaged.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).containsExactly(
        "error: " + corruptionReportedByCore(damaged) + " (rerun with --skip-corrupt to read the other blocks)");
    assertThat(run.errLines().get(0)).startsWith("error: " + damaged + ": corrupt block at byte ");
  }

  @Test
  void corruptMiddleBlockPrintsTheBlocksBeforeIt() throws IOException {
    Path damaged = TestCaptures.copyWithFlippedByte(intact, dir.resolve("damaged.twcap"), size / 2);

    CliRun run = twin("capture", "cat", damaged.toString());

    assertThat(run.outLines()).isNotEmpty().hasSizeLessThan(EXCHANGES);
    assertThat(run.outLines().get(0)).endsWith("ex-0000");
  }

  @Test
  void corruptMiddleBlockStillShowsTheJsonLinesBeforeIt() throws IOException {
    Path damaged = TestCaptures.copyWithFlippedByte(intact, dir.resolve("damaged.twcap"), size / 2);

    CliRun run = twin("capture", "cat", damaged.toString(), "--json");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.outLines()).isNotEmpty().hasSizeLessThan(EXCHANGES)
        .allSatisfy(line -> assertThat(JsonValues.parseObject(line)).containsKey("id"));
  }

  @Test
  void skipCorruptReadsTheOtherBlocksWithAWarning() throws IOException {
    Path damaged = TestCaptures.copyWithFlippedByte(intact, dir.resolve("damaged.twcap"), size / 2);

    CliRun run = twin("capture", "cat", damaged.toString(), "--skip-corrupt");

    assertThat(run.exitCode()).isZero();
    assertThat(run.errLines()).singleElement().asString()
        .startsWith("warning: " + damaged + ": corrupt block at byte ")
        .contains(" skipped (");
    assertThat(run.outLines()).hasSizeBetween(EXCHANGES - 40, EXCHANGES - 1);
    assertThat(run.outLines()).last().asString().endsWith(String.format("ex-%04d", EXCHANGES - 1));
  }

  @Test
  void tornTailIsOneWarningAndExitZero() throws IOException {
    Path torn = TestCaptures.copyTruncated(intact, dir.resolve("torn.twcap"), size - 60);

    CliRun run = twin("capture", "cat", torn.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.errLines()).singleElement().asString()
        .startsWith("warning: " + torn + ": torn last block at byte ");
    assertThat(run.outLines()).hasSizeBetween(EXCHANGES - 40, EXCHANGES - 1);
  }

  @Test
  void fileWithoutEndMarkerIsOneWarningAndEveryExchange() throws IOException {
    Path unterminated = TestCaptures.copyTruncated(intact, dir.resolve("open.twcap"), size - 44);

    CliRun run = twin("capture", "cat", unterminated.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.errLines()).containsExactly("warning: " + unterminated
        + ": not closed by its writer (no end marker); every sealed block was read");
    assertThat(run.outLines()).hasSize(EXCHANGES);
  }

  @Test
  void missingFirstSegmentIsAWarning() throws IOException {
    Path rotated = dir.resolve("rot.twcap");
    TestCaptures.writeRotated(rotated);
    Files.delete(dir.resolve("rot.00000.twcap"));

    CliRun run = twin("capture", "cat", rotated.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.errLines()).containsExactly("warning: " + dir.resolve("rot.00000.twcap")
        + ": segment 0 missing: the capture starts at rot.00001.twcap");
    assertThat(run.outLines()).isNotEmpty().hasSizeLessThan(200);
  }

  @Test
  void noStackTraceWithoutVerbose() throws IOException {
    Path damaged = TestCaptures.copyWithFlippedByte(intact, dir.resolve("damaged.twcap"), size / 2);

    CliRun run = twin("capture", "cat", damaged.toString());

    assertThat(run.err()).doesNotContain("\tat ", "Exception");
  }

  @Test
  void verbosePrintsTheStackTraceThenTheLine() throws IOException {
    Path damaged = TestCaptures.copyWithFlippedByte(intact, dir.resolve("damaged.twcap"), size / 2);

    CliRun run = twin("capture", "cat", damaged.toString(), "--verbose");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("CaptureFormatException$Corrupt", "\tat dev.replaytwin.core.capture.");
    assertThat(run.errLines()).last().asString().startsWith("error: " + damaged + ": corrupt block at byte ");
  }

  @Test
  void verboseIsAcceptedBeforeTheSubcommandToo() throws IOException {
    CliRun run = twin("--verbose", "capture", "cat", dir.resolve("missing.twcap").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("java.nio.file.NoSuchFileException", "\tat ");
  }

  private static String corruptionReportedByCore(Path damaged) throws IOException {
    try (CaptureReader reader = CaptureReader.open(damaged)) {
      CaptureFormatException.Corrupt e = catchThrowableOfType(CaptureFormatException.Corrupt.class, () -> {
        while (reader.next() != null) {
          // Read until the damage.
        }
      });
      assertThat(e).as("core reports the flipped byte").isNotNull();
      return e.getMessage();
    }
  }
}
