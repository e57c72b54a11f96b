package dev.replaytwin.core.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.replaytwin.core.Exchange;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureDamageTest {
  @TempDir Path dir;
  private Path intact;
  private List<Exchange> written;
  private BlockMap blocks;

  @BeforeEach
  void writeCapture() throws IOException {
    intact = dir.resolve("intact.twcap");
    written = new RandomExchanges(21, true).list(200);
    Captures.write(intact, CaptureWriterOptions.builder().blockBytes(4096).fsync(FsyncPolicy.NEVER).build(), written);
    blocks = BlockMap.of(intact);
    assertThat(blocks.dataOffsets()).hasSizeGreaterThan(5);
  }

  @Test
  void tornLastBlockLosesOnlyThatBlock() throws IOException {
    int last = blocks.dataOffsets().size() - 1;
    long lastStart = blocks.dataOffsets().get(last);
    List<Exchange> beforeLast = written.subList(0, blocks.recordsBefore(last));
    Path torn = dir.resolve("torn.twcap");
    Files.copy(intact, torn);

    // Every cut from the end marker's last byte down to the first byte of the last data block.
    for (long cut = blocks.fileSize() - 1; cut >= lastStart; cut--) {
      try (FileChannel ch = FileChannel.open(torn, StandardOpenOption.WRITE)) {
        ch.truncate(cut);
      }
      List<CaptureProblem> reported = new ArrayList<>();
      List<Exchange> read = Captures.readAll(torn, ReadOptions.defaults().reportingTo(reported::add));

      List<Exchange> expected = cut >= blocks.endMarkerOffset() ? written : beforeLast;
      assertThat(read).as("cut at %d", cut).containsExactlyElementsOf(expected);
      if (cut == blocks.endMarkerOffset() || cut == lastStart) {
        assertThat(reported).as("cut at %d", cut).singleElement().isInstanceOf(CaptureProblem.Unterminated.class);
      } else {
        long tornAt = cut > blocks.endMarkerOffset() ? blocks.endMarkerOffset() : lastStart;
        assertThat(reported).as("cut at %d", cut).singleElement()
            .isInstanceOfSatisfying(CaptureProblem.TornTail.class, t -> assertThat(t.offset()).isEqualTo(tornAt));
      }
    }
  }

  @Test
  void flippedByteInMiddleBlockNamesTheOffset() throws IOException {
    int middle = blocks.dataOffsets().size() / 2;
    long start = blocks.dataOffsets().get(middle);
    long end = blocks.dataOffsets().get(middle + 1);
    // The header's fields, its checksum, and a spread of payload bytes.
    for (long at : new long[] {start, start + 5, start + 13, start + 21, start + 41, start + 44, start + 60,
        (start + end) / 2, end - 1}) {
      Path damaged = flipByteAt(at);

      assertThatThrownBy(() -> Captures.readAll(damaged, ReadOptions.defaults()))
          .as("byte flipped at %d", at)
          .isInstanceOfSatisfying(CaptureFormatException.Corrupt.class, e -> {
            assertThat(e.offset()).isEqualTo(start);
            assertThat(e.file()).isEqualTo(damaged);
            assertThat(e.getMessage()).contains(damaged.toString()).contains("byte " + start);
          });
    }
  }

  @Test
  void skippingCorruptBlockReturnsEveryOtherBlock() throws IOException {
    int middle = blocks.dataOffsets().size() / 2;
    long start = blocks.dataOffsets().get(middle);
    List<Exchange> expected = new ArrayList<>(written);
    expected.subList(blocks.recordsBefore(middle), blocks.recordsBefore(middle + 1)).clear();

    for (long at : new long[] {start + 9, start + 40, start + 100}) {
      Path damaged = flipByteAt(at);
      List<CaptureProblem> reported = new ArrayList<>();
      try (CaptureReader reader =
          CaptureReader.open(damaged, ReadOptions.defaults().skippingCorrupt(true).reportingTo(reported::add))) {
        assertThat(Captures.readAll(reader)).as("byte flipped at %d", at).containsExactlyElementsOf(expected);
        assertThat(reader.totals().blocksCorrupt()).isEqualTo(1);
      }
      assertThat(reported).singleElement().isInstanceOfSatisfying(CaptureProblem.CorruptBlock.class,
          c -> assertThat(c.offset()).isEqualTo(start));
    }
  }

  @Test
  void fileThatIsNotACaptureIsRejectedWithOneLine() throws IOException {
    Path text = dir.resolve("notes.txt");
    Files.writeString(text, "hello, this is not a capture\n");
    Path empty = Files.createFile(dir.resolve("empty.twcap"));

    assertThatThrownBy(() -> CaptureReader.open(text)).isInstanceOf(CaptureFormatException.class)
        .hasMessage(text + ": not a ReplayTwin capture (no .twcap signature)");
    assertThatThrownBy(() -> CaptureReader.open(empty)).isInstanceOf(CaptureFormatException.class)
        .hasMessageContaining("the file is empty");
  }

  @Test
  void newerFormatVersionAsksForAnUpgrade() throws IOException {
    Path v2 = dir.resolve("v2.twcap");
    Files.copy(intact, v2);
    try (FileChannel ch = FileChannel.open(v2, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap(new byte[] {0, 2}), 8);
    }

    assertThatThrownBy(() -> CaptureReader.open(v2)).isInstanceOf(CaptureFormatException.class)
        .hasMessageContaining("format version 2").hasMessageContaining("upgrade ReplayTwin");
  }

  @Test
  void damagedFileHeaderIsReported() throws IOException {
    Path damaged = flipByteAt(20);

    assertThatThrownBy(() -> CaptureReader.open(damaged)).isInstanceOf(CaptureFormatException.class)
        .hasMessageContaining("corrupt capture header");
  }

  private Path flipByteAt(long offset) throws IOException {
    Path damaged = dir.resolve("damaged-" + offset + ".twcap");
    Files.copy(intact, damaged, StandardCopyOption.REPLACE_EXISTING);
    try (FileChannel ch = FileChannel.open(damaged, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer one = ByteBuffer.allocate(1);
      ch.read(one, offset);
      one.put(0, (byte) (one.get(0) ^ 0x5A));
      one.rewind();
      ch.write(one, offset);
    }
    return damaged;
  }
}
