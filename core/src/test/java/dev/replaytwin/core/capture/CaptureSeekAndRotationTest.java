package dev.replaytwin.core.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.replaytwin.core.Exchange;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureSeekAndRotationTest {
  @TempDir Path dir;

  @Test
  void timeRangeReturnsExactlyTheExchangesInsideAndSkipsOtherBlocksUnread() throws IOException {
    List<Exchange> written = new RandomExchanges(3, true).list(1000);
    Path file = dir.resolve("seek.twcap");
    Captures.write(file, CaptureWriterOptions.builder().blockBytes(4096).fsync(FsyncPolicy.NEVER).build(), written);
    long from = written.get(400).captureTimeNanos();
    long to = written.get(450).captureTimeNanos();

    try (CaptureReader reader = CaptureReader.open(file, ReadOptions.defaults().between(from, to))) {
      assertThat(Captures.readAll(reader)).containsExactlyElementsOf(written.subList(400, 450));
      ReadTotals totals = reader.totals();
      assertThat(totals.blocksSkipped()).isGreaterThan(totals.blocksRead() * 5);
      assertThat(totals.exchanges()).isEqualTo(50);
    }
  }

  @Test
  void rotatedSegmentsReadAsOneCapture() throws IOException {
    List<Exchange> written = new RandomExchanges(4, true).list(600);
    Path base = dir.resolve("prod.twcap");
    CaptureWriter.Stats stats;
    try (CaptureWriter w = CaptureWriter.open(base, Captures.rotating())) {
      for (Exchange e : written) {
        w.append(e);
      }
      w.flush();
      stats = w.stats();
    }

    assertThat(Files.exists(base)).isFalse();
    assertThat(stats.segments()).hasSizeGreaterThan(3).first().isEqualTo(dir.resolve("prod.00000.twcap"));
    try (CaptureReader reader = CaptureReader.open(base)) {
      assertThat(Captures.readAll(reader)).containsExactlyElementsOf(written);
      assertThat(reader.problems()).isEmpty();
      assertThat(reader.files()).isEqualTo(stats.segments());
    }
    // One segment alone is a capture too, with its own share of the exchanges.
    try (CaptureReader reader = CaptureReader.open(dir.resolve("prod.00001.twcap"))) {
      assertThat(reader.header().segment()).isEqualTo(1);
      assertThat(Captures.readAll(reader)).isNotEmpty().isSubsetOf(written);
      assertThat(reader.problems()).isEmpty();
      assertThat(reader.totals().codecs()).containsExactly(Codec.ZSTD);
    }
  }

  @Test
  void missingMiddleSegmentIsReportedAndTheRestIsRead() throws IOException {
    Path base = dir.resolve("gap.twcap");
    Captures.write(base, Captures.rotating(), new RandomExchanges(5, true).list(400));
    Files.delete(dir.resolve("gap.00001.twcap"));

    List<CaptureProblem> problems = new ArrayList<>();
    List<Exchange> read = Captures.readAll(base, ReadOptions.defaults().reportingTo(problems::add));

    assertThat(read).isNotEmpty();
    assertThat(problems).singleElement().isInstanceOfSatisfying(CaptureProblem.MissingSegment.class,
        m -> assertThat(m.describe()).contains("segments 1..1 missing"));
  }

  @Test
  void missingFirstSegmentIsReported() throws IOException {
    Path base = dir.resolve("head.twcap");
    Captures.write(base, Captures.rotating(), new RandomExchanges(6, true).list(400));
    Files.delete(dir.resolve("head.00000.twcap"));
    Files.delete(dir.resolve("head.00001.twcap"));

    try (CaptureReader reader = CaptureReader.open(base)) {
      assertThat(Captures.readAll(reader)).isNotEmpty();
      assertThat(reader.problems()).singleElement().isInstanceOfSatisfying(CaptureProblem.MissingSegment.class,
          m -> assertThat(m.describe()).contains("segments 0..1 missing").contains("head.00002.twcap"));
    }
  }

  @Test
  void idleBlockIsSealedByAgeWithoutFlush() throws Exception {
    Path file = dir.resolve("age.twcap");
    Exchange one = new RandomExchanges(8, true).next();
    try (CaptureWriter w = CaptureWriter.open(file,
        CaptureWriterOptions.builder().blockAge(Duration.ofMillis(50)).fsync(FsyncPolicy.NEVER).build())) {
      w.append(one);
      // Bounded wait: the seal timer ticks every ~12 ms; give it up to 10 s on a loaded machine.
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (w.stats().recordsWritten() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      // The writer is still open: a reader sees the sealed block, and that the file is unterminated.
      List<CaptureProblem> problems = new ArrayList<>();
      assertThat(Captures.readAll(file, ReadOptions.defaults().reportingTo(problems::add))).containsExactly(one);
      assertThat(problems).singleElement().isInstanceOf(CaptureProblem.Unterminated.class);
    }
  }

  @Test
  void writerRefusesToOverwriteAnExistingFile() throws IOException {
    Path file = Files.writeString(dir.resolve("exists.twcap"), "precious");

    assertThatThrownBy(() -> CaptureWriter.open(file, CaptureWriterOptions.defaults()))
        .isInstanceOf(FileAlreadyExistsException.class);
    assertThat(Files.readString(file)).isEqualTo("precious");
  }

  @Test
  void missingCaptureIsNoSuchFile() {
    assertThatThrownBy(() -> CaptureReader.open(dir.resolve("nope.twcap"))).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void writerStatsCountWhatReachedTheFile() throws IOException {
    Path file = dir.resolve("stats.twcap");
    List<Exchange> written = new RandomExchanges(9, true).list(100);
    CaptureWriter.Stats stats;
    try (CaptureWriter w = CaptureWriter.open(file, Captures.smallBlocks(Codec.LZ4))) {
      for (Exchange e : written) {
        w.append(e);
      }
      w.flush();
      stats = w.stats();
      assertThat(stats.fileBytes()).isEqualTo(Files.size(file));
    }
    assertThat(stats.recordsWritten()).isEqualTo(100);
    assertThat(stats.recordsPending()).isZero();
    assertThat(stats.recordsLost()).isZero();
    assertThat(stats.blocksWritten()).isEqualTo(BlockMap.of(file).dataOffsets().size());
  }
}
