package dev.replaytwin.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.replaytwin.core.Body;
import dev.replaytwin.core.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OutcomeDamageTest {
  private static final String EXPECTED = "(expected: zstd-compressed JSON Lines whose first line is "
      + OutcomeFiles.HEADER + ")";

  private static final int ZSTD_CHECKSUM_BYTES = 4;

  @TempDir Path dir;

  /** Outcomes written in batches with a flush after each; {@code flushedAt.get(k)} is the file size after batch k. */
  private record Flushed(Path file, List<Outcome> written, List<Long> flushedAt, int batch) {
    List<Outcome> rowsBefore(long cut) {
      int batches = 0;
      while (batches < flushedAt.size() && flushedAt.get(batches) <= cut) {
        batches++;
      }
      // flushedAt.get(0) is the header alone.
      return written.subList(0, Math.max(0, batches - 1) * batch);
    }
  }

  private Flushed writeInBatches(int batches, int batch) throws IOException {
    Path file = dir.resolve("outcomes.jsonl.zst");
    List<Outcome> written = new RandomOutcomes(3).list(batches * batch);
    List<Long> flushedAt = new ArrayList<>();
    try (OutcomeWriter writer = OutcomeWriter.create(file)) {
      flushedAt.add(Files.size(file));
      for (int i = 0; i < written.size(); i++) {
        writer.append(written.get(i));
        if ((i + 1) % batch == 0) {
          writer.flush();
          flushedAt.add(Files.size(file));
        }
      }
    }
    return new Flushed(file, written, flushedAt, batch);
  }

  @Test
  void everyCutReadsTheRowsFlushedBeforeItAndNeverFails() throws IOException {
    Flushed f = writeInBatches(4, 3);
    assertThat(f.flushedAt()).doesNotHaveDuplicates().hasSize(5);
    byte[] intact = Files.readAllBytes(f.file());
    Path torn = dir.resolve("torn.jsonl.zst");

    for (int cut = 0; cut <= intact.length; cut++) {
      Files.write(torn, Arrays.copyOf(intact, cut));
      // A cut that takes only a frame's trailing checksum leaves its rows whole, and they read too.
      List<Outcome> whole = f.rowsBefore(cut + ZSTD_CHECKSUM_BYTES);
      try (OutcomeReader reader = OutcomeReader.open(torn)) {
        assertThat(OutcomeFiles.readAll(reader)).as("cut at %d", cut).containsExactlyElementsOf(whole);
        assertThat(reader.truncated()).as("cut at %d", cut).isEqualTo(!f.flushedAt().contains((long) cut));
        assertThat(reader.next()).as("cut at %d, after the end", cut).isNull();
        assertThat(reader.fileDigest()).as("cut at %d", cut).isEqualTo(Sha256.ofFiles(List.of(torn)));
      }
    }
  }

  @Test
  void writerKilledBetweenFlushesLosesOnlyRowsAfterTheLastFlush() throws IOException {
    Path file = dir.resolve("outcomes.jsonl.zst");
    Path snapshot = dir.resolve("killed.jsonl.zst");
    RandomOutcomes random = new RandomOutcomes(11);
    List<Outcome> written = new ArrayList<>();
    long flushed = 0;
    try (OutcomeWriter writer = OutcomeWriter.create(file)) {
      for (int i = 0; i < 5_000; i++) {
        written.add(random.next());
        writer.append(written.get(i));
        if (i == 999) {
          writer.flush();
          flushed = Files.size(file);
        }
      }
      // What a process killed now leaves: the flushed frames, then the compressed blocks of a frame
      // still being written.
      Files.copy(file, snapshot);
      assertThat(Files.size(snapshot)).isGreaterThan(flushed);
    }

    try (OutcomeReader reader = OutcomeReader.open(snapshot)) {
      List<Outcome> read = OutcomeFiles.readAll(reader);
      assertThat(read.size()).isBetween(1_000, 4_999);
      assertThat(read).containsExactlyElementsOf(written.subList(0, read.size()));
      assertThat(reader.truncated()).isTrue();
    }
  }

  @Test
  void fileWithAnotherHeaderIsRefusedNamingTheFile() throws IOException {
    Path other = OutcomeFiles.writeZstd(dir.resolve("other.jsonl.zst"), "{\"format\":\"replaytwin-capture-index\","
        + "\"version\":1}\n{\"id\":\"a\"}\n");

    assertThatThrownBy(() -> OutcomeReader.open(other))
        .isInstanceOfSatisfying(OutcomeFormatException.class, e -> assertThat(e.file()).isEqualTo(other))
        .hasMessage(other + ": not a ReplayTwin outcomes file: its first line is not an outcomes header "
            + EXPECTED);
  }

  @Test
  void uncompressedOutcomesAreRefused() throws IOException {
    Path plain = Files.writeString(dir.resolve("outcomes.jsonl"), OutcomeFiles.HEADER + "\n");

    assertThatThrownBy(() -> OutcomeReader.open(plain))
        .isInstanceOf(OutcomeFormatException.class)
        .hasMessage(plain + ": not a ReplayTwin outcomes file: it is not zstd-compressed " + EXPECTED);
  }

  @Test
  void zstdFileOfOtherTextIsRefused() throws IOException {
    Path other = OutcomeFiles.writeZstd(dir.resolve("notes.zst"), "hello, world\n");

    assertThatThrownBy(() -> OutcomeReader.open(other))
        .isInstanceOf(OutcomeFormatException.class)
        .hasMessage(other + ": not a ReplayTwin outcomes file: its first line is not JSON " + EXPECTED);
  }

  @Test
  void laterFormatVersionIsRefusedWithAnUpgradeHint() throws IOException {
    Path newer = OutcomeFiles.writeZstd(dir.resolve("v2.jsonl.zst"),
        "{\"format\":\"replaytwin-outcomes\",\"version\":2}\n");

    assertThatThrownBy(() -> OutcomeReader.open(newer))
        .isInstanceOf(OutcomeFormatException.class)
        .hasMessage(newer + ": line 1: outcomes format version 2 is not readable by this ReplayTwin (expected: 1);"
            + " upgrade ReplayTwin");
  }

  static Stream<Arguments> badRows() {
    String row = "\"id\":\"b\",\"loop\":0,\"endpoint\":\"GET /a\",\"method\":\"GET\",\"intended\":5";
    return Stream.of(
        arguments("{" + row + ",\"status\":700}", "status: 700 (expected: 0 or 100..599)"),
        arguments("{\"id\":\"b\",\"loop\":0,\"endpoint\":\"GET /a\",\"intended\":5}",
            "method: missing (expected: in every row)"),
        arguments("{" + row + ",\"status\":\"200\"}", "status: 200 (expected: an integer)"),
        arguments("{" + row + ",\"loop\":4294967296}", "loop: 4294967296 (expected: a 32-bit integer)"),
        arguments("{" + row + ",\"error\":\"gone\"}", "error kind: \"gone\" (expected: one of none, refused,"
            + " reset, timeout, tls, protocol, unresolved, dropped, other)"),
        arguments("{" + row + ",\"bodyEncoding\":\"hex\",\"body\":\"00\"}",
            "bodyEncoding: hex (expected: utf8 or base64)"),
        arguments("{" + row + ",\"bodyTruncated\":true}", "bodyTruncated: true (expected: with a body)"),
        arguments("[1,2]", "row starts with [ (expected: a JSON object)"),
        arguments("{\"id\":\"b\",,\"loop\":0}",
            "Unexpected character (',' (code 44)): was expecting double-quote to start field name"));
  }

  @ParameterizedTest
  @MethodSource("badRows")
  void badRowFailsNamingItsLine(String badRow, String message) throws IOException {
    Path bad = OutcomeFiles.writeZstd(dir.resolve("bad.jsonl.zst"), OutcomeFiles.HEADER + "\n"
        + "{\"id\":\"a\",\"loop\":0,\"endpoint\":\"GET /a\",\"method\":\"GET\",\"intended\":5}\n"
        + badRow + "\n");

    try (OutcomeReader reader = OutcomeReader.open(bad)) {
      assertThat(reader.next()).isNotNull();
      assertThatThrownBy(reader::next)
          .isInstanceOfSatisfying(OutcomeFormatException.class, e -> assertThat(e.line()).isEqualTo(3))
          .hasMessage(bad + ": line 3: " + message);
    }
  }

  @Test
  void damagedFrameFailsInsteadOfReadingAsTorn() throws IOException {
    Path file = dir.resolve("outcomes.jsonl.zst");
    try (OutcomeWriter writer = OutcomeWriter.create(file)) {
      RandomOutcomes random = new RandomOutcomes(5);
      for (int i = 0; i < 200; i++) {
        writer.append(random.next());
      }
      writer.flush();
      writer.append(new Outcome("last", 0, "GET /a", "GET", 1, -1, -1, -1, 0, ErrorKind.DROPPED, "", -1, "", "",
          Body.EMPTY));
    }
    byte[] bytes = Files.readAllBytes(file);
    // Inside the big frame's compressed data, well clear of its frame and block headers.
    bytes[bytes.length / 2] ^= 0x5A;
    Path damaged = Files.write(dir.resolve("damaged.jsonl.zst"), bytes);

    assertThatThrownBy(() -> OutcomeFiles.readAll(damaged))
        .isInstanceOfSatisfying(OutcomeFormatException.class, e -> assertThat(e.file()).isEqualTo(damaged))
        .hasMessageStartingWith(damaged + ": ");
  }
}
