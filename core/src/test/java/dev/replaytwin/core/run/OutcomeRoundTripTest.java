package dev.replaytwin.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.replaytwin.core.Body;
import dev.replaytwin.core.Sha256;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutcomeRoundTripTest {
  private static final long T = 1_763_700_000_123_456_789L;
  private static final byte[] NOT_UTF8 = {0, 1, 2, (byte) 0xFF};

  @TempDir Path dir;

  private static Outcome answered(String id, int status, Body body) {
    return new Outcome(id, 0, "GET /users/{id}", "GET", T, T + 45_000, 2_481_000, 2_436_000, status, ErrorKind.NONE,
        "", body.originalLength(), body.isEmpty() ? "" : "sha256:9f86d081", "application/json", body);
  }

  private static Outcome noResponse(String id, ErrorKind error, long sent, String detail) {
    return new Outcome(id, 0, "POST /orders", "POST", T, sent, -1, -1, 0, error, detail, -1, "", "", Body.EMPTY);
  }

  static List<Outcome> everyShape() {
    byte[] allBytes = new byte[256];
    for (int i = 0; i < allBytes.length; i++) {
      allBytes[i] = (byte) i;
    }
    byte[] cutInsideChar = {'c', 'a', 'f', (byte) 0xC3};
    return List.of(
        answered("text", 200, Body.ofUtf8("{\"id\":42,\"name\":\"Zoë 日本 😀\"}")),
        answered("no-content", 204, Body.EMPTY),
        answered("binary", 200, Body.of(allBytes)),
        answered("controls", 500, Body.ofUtf8("nul \u0000 unit \u001f line-sep \u2028 quote \" back \\")),
        answered("truncated-text", 200, Body.truncated("{\"items\":[".getBytes(StandardCharsets.UTF_8), 1_000_000)),
        answered("truncated-inside-a-char", 200, Body.truncated(cutInsideChar, 5)),
        answered("truncated-to-nothing", 200, Body.truncated(new byte[0], 4096)),
        noResponse("refused", ErrorKind.REFUSED, T + 10, "Connection refused"),
        noResponse("dropped", ErrorKind.DROPPED, -1, ""),
        noResponse("timeout", ErrorKind.TIMEOUT, T + 10, "no response within 30 s"),
        noResponse("lone-surrogate", ErrorKind.OTHER, T + 10, "half an emoji: \uD83D, its other half: \uDE00"),
        new Outcome("ünïcödé-ид", Integer.MAX_VALUE, "GET /städte/{id}", "GET", Long.MAX_VALUE, Long.MAX_VALUE, 0, 0,
            599, ErrorKind.NONE, "", 0, "", "text/plain; charset=utf-8", Body.EMPTY),
        new Outcome("reset-after-status", 1, "GET /search", "GET", T, T, -1, -1, 200, ErrorKind.RESET,
            "closed after 12 of 900 bytes", 900, "", "text/html", Body.truncated(NOT_UTF8, 900)));
  }

  @Test
  void everyFieldShapeReadsBackEqual() throws IOException {
    Path file = dir.resolve("outcomes.jsonl.zst");
    OutcomeFiles.write(file, everyShape());

    try (OutcomeReader reader = OutcomeReader.open(file)) {
      assertThat(OutcomeFiles.readAll(reader)).containsExactlyElementsOf(everyShape());
      assertThat(reader.truncated()).isFalse();
      assertThat(reader.rows()).isEqualTo(everyShape().size());
    }
  }

  @Test
  void rowsLeaveOutFieldsThatHoldNothing() throws IOException {
    Path file = dir.resolve("outcomes.jsonl.zst");
    OutcomeFiles.write(file, List.of(noResponse("dropped", ErrorKind.DROPPED, -1, ""),
        answered("binary", 200, Body.of(NOT_UTF8)), answered("cut", 200, Body.truncated(new byte[] {'{'}, 70_000))));

    assertThat(OutcomeFiles.lines(file)).containsExactly(
        OutcomeFiles.HEADER,
        "{\"id\":\"dropped\",\"loop\":0,\"endpoint\":\"POST /orders\",\"method\":\"POST\",\"intended\":" + T
            + ",\"error\":\"dropped\"}",
        "{\"id\":\"binary\",\"loop\":0,\"endpoint\":\"GET /users/{id}\",\"method\":\"GET\",\"intended\":" + T
            + ",\"sent\":" + (T + 45_000) + ",\"latencyNs\":2481000,\"serviceNs\":2436000,\"status\":200,\"size\":4,"
            + "\"digest\":\"sha256:9f86d081\",\"contentType\":\"application/json\",\"bodyEncoding\":\"base64\","
            + "\"body\":\"AAEC/w==\"}",
        "{\"id\":\"cut\",\"loop\":0,\"endpoint\":\"GET /users/{id}\",\"method\":\"GET\",\"intended\":" + T
            + ",\"sent\":" + (T + 45_000) + ",\"latencyNs\":2481000,\"serviceNs\":2436000,\"status\":200,"
            + "\"size\":70000,\"digest\":\"sha256:9f86d081\",\"contentType\":\"application/json\","
            + "\"bodyEncoding\":\"utf8\",\"body\":\"{\",\"bodyTruncated\":true,\"bodyLength\":70000}");
  }

  @Test
  void bodyIsTextExactlyWhenItsBytesAreWellFormedUtf8() throws IOException {
    // ASCII, continuation bytes and the edges of Unicode's table 3-7: overlong forms (C0, C1, E0 80,
    // F0 80), surrogates (ED A0), beyond U+10FFFF (F4 90, F5), and sequences cut short.
    byte[] pieces = {0x41, 0x7F, (byte) 0x80, (byte) 0x8F, (byte) 0x90, (byte) 0x9F, (byte) 0xA0, (byte) 0xBF,
        (byte) 0xC0, (byte) 0xC1, (byte) 0xC2, (byte) 0xDF, (byte) 0xE0, (byte) 0xED, (byte) 0xEF, (byte) 0xF0,
        (byte) 0xF4, (byte) 0xF5, (byte) 0xFF};
    Random random = new Random(9);
    List<Outcome> outcomes = new ArrayList<>();
    List<String> encodings = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      byte[] body = new byte[1 + random.nextInt(6)];
      for (int k = 0; k < body.length; k++) {
        body[k] = pieces[random.nextInt(pieces.length)];
        if (random.nextInt(4) == 0 && k + 1 < body.length) {
          // Now and then a well-formed two-byte sequence, so that both outcomes are common.
          body[k] = (byte) (0xC2 + random.nextInt(0x1E));
          body[++k] = (byte) (0x80 + random.nextInt(0x40));
        }
      }
      outcomes.add(answered("b" + i, 200, Body.of(body)));
      encodings.add(strictUtf8Decodes(body) ? "utf8" : "base64");
    }
    Path file = dir.resolve("outcomes.jsonl.zst");
    OutcomeFiles.write(file, outcomes);

    List<String> rows = OutcomeFiles.lines(file).subList(1, outcomes.size() + 1);
    for (int i = 0; i < rows.size(); i++) {
      assertThat(rows.get(i)).as("row %d", i).contains("\"bodyEncoding\":\"" + encodings.get(i) + "\"");
    }
    assertThat(encodings).filteredOn("utf8"::equals).hasSizeGreaterThan(250);
    assertThat(encodings).filteredOn("base64"::equals).hasSizeGreaterThan(250);
    assertThat(OutcomeFiles.readAll(file)).containsExactlyElementsOf(outcomes);
  }

  private static boolean strictUtf8Decodes(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  @Test
  void manyRowsAcrossManyFramesReadBackInOrder() throws IOException {
    Path file = dir.resolve("outcomes.jsonl.zst");
    int rows = 200_000;
    try (OutcomeWriter writer = OutcomeWriter.create(file)) {
      RandomOutcomes random = new RandomOutcomes(7);
      for (int i = 1; i <= rows; i++) {
        writer.append(random.next());
        if (i % 10_000 == 0) {
          writer.flush();
        }
      }
      assertThat(writer.rows()).isEqualTo(rows);
    }

    RandomOutcomes expected = new RandomOutcomes(7);
    try (OutcomeReader reader = OutcomeReader.open(file); Stream<Outcome> read = reader.stream()) {
      Iterator<Outcome> it = read.iterator();
      for (int i = 1; i <= rows; i++) {
        assertThat(it.hasNext()).as("row %d present", i).isTrue();
        Outcome next = it.next();
        Outcome want = expected.next();
        if (!next.equals(want)) {
          assertThat(next).as("row %d", i).isEqualTo(want);
        }
      }
      assertThat(it.hasNext()).isFalse();
      assertThat(reader.truncated()).isFalse();
    }
  }

  @Test
  void fileDigestIsTheWholeFilesWhetherOrNotEveryRowWasRead() throws IOException {
    Path file = dir.resolve("outcomes.jsonl.zst");
    OutcomeFiles.write(file, new RandomOutcomes(11).list(3_000));
    String whole = Sha256.ofFiles(List.of(file));

    try (OutcomeReader reader = OutcomeReader.open(file)) {
      assertThat(OutcomeFiles.readAll(reader)).hasSize(3_000);
      assertThat(reader.fileDigest()).isEqualTo(whole);
      assertThat(reader.fileDigest()).as("asked again").isEqualTo(whole);
    }
    try (OutcomeReader reader = OutcomeReader.open(file)) {
      assertThat(reader.next()).isNotNull();
      assertThat(reader.fileDigest()).as("after one row").isEqualTo(whole);
    }
  }

  @Test
  void rowsWithFieldsThisReaderDoesNotKnowStillRead() throws IOException {
    Path file = OutcomeFiles.writeZstd(dir.resolve("newer.jsonl.zst"),
        "{\"format\":\"replaytwin-outcomes\",\"version\":1,\"writer\":\"replaytwin/9.0\"}\n"
            + "{\"id\":\"a\",\"retries\":2,\"loop\":0,\"endpoint\":\"GET /a\",\"method\":\"GET\",\"intended\":5,"
            + "\"trace\":{\"spans\":[1,{\"x\":null}]},\"status\":200,\"tags\":[\"x\",\"y\"],\"size\":0}\n");

    assertThat(OutcomeFiles.readAll(file)).containsExactly(
        new Outcome("a", 0, "GET /a", "GET", 5, -1, -1, -1, 200, ErrorKind.NONE, "", 0, "", "", Body.EMPTY));
  }

  @Test
  void headerIsTheFirstLineAndIsFlushedAtCreation() throws IOException {
    Path file = dir.resolve("outcomes.jsonl.zst");
    try (OutcomeWriter writer = OutcomeWriter.create(file)) {
      assertThat(OutcomeFiles.lines(file)).containsExactly(OutcomeFiles.HEADER);
      try (OutcomeReader reader = OutcomeReader.open(file)) {
        assertThat(reader.next()).isNull();
        assertThat(reader.truncated()).isFalse();
      }
    }
  }

  @Test
  void createMakesParentDirectoriesButNeverOverwrites() throws IOException {
    Path file = dir.resolve("run/targets/blue/outcomes.jsonl.zst");
    OutcomeFiles.write(file, everyShape());

    assertThatThrownBy(() -> OutcomeWriter.create(file)).isInstanceOf(FileAlreadyExistsException.class);
    assertThat(OutcomeFiles.readAll(file)).hasSize(everyShape().size());
  }

  @Test
  void closedWriterRefusesRows() throws IOException {
    Path file = dir.resolve("outcomes.jsonl.zst");
    OutcomeWriter writer = OutcomeWriter.create(file);
    writer.close();
    writer.close();

    assertThatThrownBy(() -> writer.append(everyShape().get(0)))
        .isInstanceOf(IOException.class).hasMessage(file + ": outcome writer is closed");
    assertThat(Files.size(file)).isPositive();
  }
}
