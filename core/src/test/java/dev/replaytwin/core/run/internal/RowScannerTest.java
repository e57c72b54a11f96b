package dev.replaytwin.core.run.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.github.luben.zstd.ZstdOutputStream;
import dev.replaytwin.core.Body;
import dev.replaytwin.core.Headers;
import dev.replaytwin.core.Nullable;
import dev.replaytwin.core.run.ErrorKind;
import dev.replaytwin.core.run.Outcome;
import dev.replaytwin.core.run.OutcomeReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scanner must read a row exactly as Jackson and {@link RowDecoder} read it, or decline it.
 * Seeded, so a failure names the line that broke.
 */
class RowScannerTest {
  private static final String[] TEXT = {"{\"ok\":true}", "café", "日本語", "😀", "line\nbreak\ttab\r\f\b",
      "quote \" back \\ slash /", "\u0000nul\u001f", "\u007f\u0080\u2028", "plain"};

  @TempDir Path dir;

  @Test
  void readsWhatTheEncoderWritesAsJacksonReadsIt() throws IOException {
    Random random = new Random(20261122L);
    RowScanner scanner = new RowScanner();
    int scanned = 0;
    for (int i = 0; i < 20_000; i++) {
      Outcome o = outcome(random, i);
      byte[] line = encode(o);
      int end = scanner.scan(line, 0, line.length);
      String what = "row " + i + ": " + new String(line, UTF_8);
      assertThat(jackson(line)).as(what).isEqualTo(o);
      if (end == RowScanner.UNREAD) {
        continue;
      }
      assertThat(end).as(what).isEqualTo(line.length);
      assertThat(scanner.outcome()).as(what).isEqualTo(o);
      scanned++;
    }
    // Only escaped strings outside the body, and escaped surrogates in it, are left to Jackson.
    assertThat(scanned).isGreaterThan(15_000);
  }

  @Test
  void agreesWithJacksonOnDamagedAndUnusualRows() throws IOException {
    Random random = new Random(7);
    RowScanner scanner = new RowScanner();
    int scanned = 0;
    int declined = 0;
    for (int i = 0; i < 30_000; i++) {
      byte[] line = mutate(random, encode(outcome(random, i)));
      int end = scanner.scan(line, 0, line.length);
      if (end == RowScanner.UNREAD || end == RowScanner.MORE) {
        declined++;
        continue;
      }
      String what = "row " + i + ": " + new String(line, UTF_8);
      // A newline put in may end the row early; the scanner reads its line only.
      assertThat(scanner.outcome()).as(what).isEqualTo(jackson(Arrays.copyOf(line, end)));
      scanned++;
    }
    assertThat(scanned).isGreaterThan(3_000);
    assertThat(declined).isGreaterThan(3_000);
  }

  @Test
  void rowCutAnywhereAsksForMore() throws IOException {
    RowScanner scanner = new RowScanner();
    byte[] line = encode(outcome(new Random(3), 3));
    for (int cut = 0; cut < line.length; cut++) {
      assertThat(scanner.scan(line, 0, cut)).as("cut at %d", cut).isEqualTo(RowScanner.MORE);
    }
    assertThat(scanner.scan(line, 0, line.length)).isEqualTo(line.length);
  }

  @Test
  void declinesWhatJacksonReadsDifferentlyOrRefuses() {
    String row = "{\"id\":\"a\",\"loop\":0,\"endpoint\":\"GET /a\",\"method\":\"GET\",\"intended\":5";
    List<String> declined = List.of(
        row + ",\"status\":0200}\n", // leading zero
        row + ",\"status\":200.0}\n",
        row + ",\"status\":2e2}\n",
        row + ",\"size\":9223372036854775808}\n", // beyond a long: Jackson fails
        row + ",\"size\":92233720368547758070}\n",
        row + ",\"bodyEncoding\":\"utf8\",\"body\":\"\\ud83d\\ude00\"}\n", // surrogates: a pair, or '?'
        row + ",\"detail\":\"say \\\"hi\\\"\"}\n", // escapes outside the body
        row + ",\"extra\":1}\n", // unknown field
        row + " ,\"status\":200}\n", // whitespace
        row + "}\r\n",
        row + "}{}\n",
        row + ",\"status\":700}\n", // Outcome refuses it
        "[1,2]\n");
    RowScanner scanner = new RowScanner();
    for (String line : declined) {
      byte[] bytes = line.getBytes(UTF_8);
      assertThat(scanner.scan(bytes, 0, bytes.length)).as(line).isEqualTo(RowScanner.UNREAD);
    }
    byte[] overlong = (row + ",\"bodyEncoding\":\"utf8\",\"body\":\"x\"}\n").getBytes(UTF_8);
    int x = indexOf(overlong, (byte) 'x');
    byte[] withOverlong = new byte[overlong.length + 1];
    System.arraycopy(overlong, 0, withOverlong, 0, x);
    withOverlong[x] = (byte) 0xC0; // an overlong NUL, which Jackson reads leniently
    withOverlong[x + 1] = (byte) 0x80;
    System.arraycopy(overlong, x + 1, withOverlong, x + 2, overlong.length - x - 1);
    assertThat(scanner.scan(withOverlong, 0, withOverlong.length)).isEqualTo(RowScanner.UNREAD);

    byte[] negativeZero = (row + ",\"sent\":-0,\"bodyEncoding\":\"utf8\",\"body\":\"\\u00e9\\/\\n\"}\n").getBytes(UTF_8);
    assertThat(scanner.scan(negativeZero, 0, negativeZero.length)).isEqualTo(negativeZero.length);
    assertThat(scanner.outcome().sentEpochNanos()).isZero();
    assertThat(scanner.outcome().body()).isEqualTo(Body.ofUtf8("é/\n"));
  }

  @Test
  void readerReadsRowsItCannotScanAndTheRestAfterARowOnSeveralLines() throws IOException {
    List<Outcome> written = new ArrayList<>();
    Random random = new Random(11);
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    text.write((OutcomeFormat.HEADER_LINE + "\n").getBytes(UTF_8));
    for (int i = 0; i < 3_000; i++) {
      Outcome o = outcome(random, i);
      written.add(o);
      byte[] line = encode(o);
      if (i == 1_000) {
        // A field this reader does not know: the line is Jackson's.
        text.write(new String(line, UTF_8).replaceFirst("\\{", "{\"retries\":2,").getBytes(UTF_8));
      } else if (i == 2_000) {
        // Pretty-printed over several lines: Jackson reads this row and the rest.
        text.write(new String(line, UTF_8).replace(",\"", ",\n  \"").getBytes(UTF_8));
      } else {
        text.write(line);
      }
    }
    Path file = dir.resolve("outcomes.jsonl.zst");
    try (OutputStream out = new ZstdOutputStream(Files.newOutputStream(file))) {
      out.write(text.toByteArray());
    }

    List<Outcome> read = new ArrayList<>();
    try (OutcomeReader reader = OutcomeReader.open(file)) {
      for (Outcome o; (o = reader.next()) != null; ) {
        read.add(o);
      }
      assertThat(reader.truncated()).isFalse();
    }
    assertThat(read).containsExactlyElementsOf(written);
  }

  @Test
  void resetGivesBackEveryFieldOfANewRow() throws ReflectiveOperationException {
    RowFields used = new RowFields();
    RowFields fresh = new RowFields();
    for (Field f : RowFields.class.getDeclaredFields()) {
      Class<?> type = f.getType();
      Object other = type == String.class ? "x" : type == long.class ? 42L : type == boolean.class
          ? !f.getBoolean(fresh) : type == ErrorKind.class ? ErrorKind.TIMEOUT : type == byte[].class ? new byte[1]
          : type == Headers.class ? Headers.of("a", "b") : null;
      assertThat(other).as("a value for %s", f).isNotNull();
      f.set(used, other);
    }
    used.reset();
    for (Field f : RowFields.class.getDeclaredFields()) {
      assertThat(Objects.deepEquals(f.get(used), f.get(fresh))).as(f.getName()).isTrue();
    }
  }

  /** What Jackson and {@link RowDecoder} read from a line holding exactly one object; null when they fail. */
  private static @Nullable Outcome jackson(byte[] line) {
    try (JsonParser p = OutcomeFormat.JSON.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      Outcome o = RowDecoder.read(p);
      return p.nextToken() == null ? o : null;
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

  private static byte[] encode(Outcome o) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = OutcomeFormat.JSON.createGenerator(out)) {
      RowEncoder.write(g, o);
    }
    out.write('\n');
    return out.toByteArray();
  }

  private static Outcome outcome(Random random, int i) {
    String endpoint = random.nextInt(20) == 0 ? "GET /städte/{id}" : "GET /users/{id}";
    long intended = 1_763_700_000_000_000_000L + i * 1_000L;
    String id = random.nextInt(30) == 0 ? "ид-" + i : "r" + i;
    int loop = random.nextInt(10) == 0 ? Integer.MAX_VALUE : random.nextInt(3);
    if (random.nextInt(8) == 0) {
      ErrorKind error = ErrorKind.values()[1 + random.nextInt(ErrorKind.values().length - 1)];
      String detail = random.nextBoolean() ? "" : random.nextInt(5) == 0 ? pick(random) : "after 30 s";
      return new Outcome(id, loop, endpoint, "GET", intended, error == ErrorKind.DROPPED ? -1 : intended + 5, -1, -1,
          random.nextInt(4) == 0 ? 200 : 0, error, detail, -1, "", "", Body.EMPTY);
    }
    Body body = switch (random.nextInt(6)) {
      case 0 -> Body.EMPTY;
      case 1 -> {
        byte[] b = new byte[1 + random.nextInt(40)];
        random.nextBytes(b);
        yield Body.of(b);
      }
      case 2 -> Body.truncated(text(random).getBytes(UTF_8), 1 << 20);
      default -> Body.ofUtf8(text(random));
    };
    Headers headers = switch (random.nextInt(4)) {
      case 0 -> Headers.EMPTY;
      case 1 -> Headers.of("Content-Type", "application/json", "Content-Length", Integer.toString(random.nextInt(3)));
      case 2 -> Headers.of("Set-Cookie", "a=1", "Set-Cookie", "b=" + pick(random), "X-Empty", "");
      default -> Headers.of("Content-Type", "text/plain; charset=utf-8");
    };
    long latency = random.nextInt(50_000_000);
    return new Outcome(id, loop, endpoint, "GET", intended, intended + 40_000, latency, Math.max(0, latency - 40_000),
        100 + random.nextInt(500), ErrorKind.NONE, "", body.originalLength(),
        body.isEmpty() ? "" : "sha256:" + Long.toHexString(random.nextLong()),
        random.nextBoolean() ? "application/json" : "", body, headers);
  }

  private static String text(Random random) {
    StringBuilder s = new StringBuilder();
    for (int k = random.nextInt(4); k >= 0; k--) {
      s.append(pick(random));
    }
    return s.toString();
  }

  private static String pick(Random random) {
    return TEXT[random.nextInt(TEXT.length)];
  }

  /** The line with a few bytes changed, inserted, removed or repeated. */
  private static byte[] mutate(Random random, byte[] line) {
    byte[] pool = "{}[]\",:\\ -0123456789.eEtrufalsn\n\u00c3\u00a9x".getBytes(UTF_8);
    List<Byte> bytes = new ArrayList<>();
    for (byte b : line) {
      bytes.add(b);
    }
    int edits = random.nextInt(4);
    for (int k = 0; k < edits; k++) {
      int at = random.nextInt(bytes.size());
      switch (random.nextInt(4)) {
        case 0 -> bytes.set(at, pool[random.nextInt(pool.length)]);
        case 1 -> bytes.add(at, pool[random.nextInt(pool.length)]);
        case 2 -> {
          if (bytes.size() > 1) {
            bytes.remove(at);
          }
        }
        default -> {
          int len = Math.min(bytes.size() - at, 1 + random.nextInt(12));
          bytes.addAll(at, new ArrayList<>(bytes.subList(at, at + len)));
        }
      }
    }
    byte[] out = new byte[bytes.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = bytes.get(k);
    }
    return out;
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = bytes.length - 1; i >= 0; i--) {
      if (bytes[i] == b) {
        return i;
      }
    }
    throw new AssertionError(Arrays.toString(bytes));
  }
}
