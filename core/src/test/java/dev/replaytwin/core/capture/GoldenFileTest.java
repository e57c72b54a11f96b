package dev.replaytwin.core.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GoldenFileTest {

  @ParameterizedTest
  @EnumSource(Codec.class)
  void version1GoldenCaptureStillReads(Codec codec) throws IOException {
    try (CaptureReader reader = CaptureReader.open(GoldenCapture.resource(codec))) {
      CaptureHeader h = reader.header();
      assertThat(h.formatVersion()).isEqualTo(1);
      assertThat(h.writer()).isEqualTo(GoldenCapture.WRITER);
      assertThat(h.scrubPolicyDigest()).isEqualTo(GoldenCapture.DIGEST);
      assertThat(h.context()).isEqualTo(GoldenCapture.CONTEXT);
      assertThat(h.createdAt()).isAfter(Instant.parse("2026-01-01T00:00:00Z"));

      assertThat(Captures.readAll(reader)).containsExactlyElementsOf(GoldenCapture.exchanges());
      assertThat(reader.problems()).isEmpty();
      assertThat(reader.totals().blocksRead()).isEqualTo(2);
    }
  }

  @Test
  void writerStillEncodesVersion1ByteForByte(@TempDir Path dir) throws IOException {
    // Readers of version 1 exist in the field: what we write as version 1 must not drift.
    Path fresh = dir.resolve("fresh.twcap");
    GoldenCapture.main(new String[] {dir.toString()});
    Files.move(dir.resolve(GoldenCapture.resource(Codec.NONE).getFileName()), fresh);

    assertThat(blocksOf(fresh)).isEqualTo(blocksOf(GoldenCapture.resource(Codec.NONE)));
  }

  /** Everything after the file header (which holds a creation time and a random capture id). */
  private static byte[] blocksOf(Path file) throws IOException {
    byte[] all = Files.readAllBytes(file);
    int headerEnd = 16 + ByteBuffer.wrap(all, 12, 4).getInt() + 4;
    return Arrays.copyOfRange(all, headerEnd, all.length);
  }
}
