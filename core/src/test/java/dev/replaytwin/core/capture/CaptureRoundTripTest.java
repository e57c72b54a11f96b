package dev.replaytwin.core.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replaytwin.core.ContextTags;
import dev.replaytwin.core.Exchange;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class CaptureRoundTripTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 1234, 99_999})
  void randomExchangesComeBackEqual(long seed) throws IOException {
    List<Exchange> written = new RandomExchanges(seed).list(300);
    Path file = dir.resolve("rt.twcap");
    Captures.write(file, Captures.smallBlocks(Codec.ZSTD), written);

    try (CaptureReader reader = CaptureReader.open(file)) {
      assertThat(Captures.readAll(reader)).containsExactlyElementsOf(written);
      assertThat(reader.problems()).isEmpty();
      assertThat(reader.totals().blocksRead()).isGreaterThan(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Codec.class)
  void everyCodecRoundTrips(Codec codec) throws IOException {
    List<Exchange> written = new RandomExchanges(7).list(200);
    Path file = dir.resolve(codec + ".twcap");
    Captures.write(file, Captures.smallBlocks(codec), written);

    assertThat(Captures.readAll(file, ReadOptions.defaults())).containsExactlyElementsOf(written);
  }

  @ParameterizedTest
  @ValueSource(ints = {1024, 64 * 1024, 1 << 20})
  void recordsLargerThanABlockStillRoundTrip(int blockBytes) throws IOException {
    // The random mix includes 64 KiB headers: bigger than the smallest block size.
    List<Exchange> written = new RandomExchanges(11).list(150);
    Path file = dir.resolve("big.twcap");
    Captures.write(file, CaptureWriterOptions.builder().blockBytes(blockBytes).fsync(FsyncPolicy.NEVER).build(),
        written);

    assertThat(Captures.readAll(file, ReadOptions.defaults())).containsExactlyElementsOf(written);
  }

  @ParameterizedTest
  @ValueSource(longs = {5, 6})
  void headerKeepsWriterContextAndDigest(long seed) throws IOException {
    Path file = dir.resolve("h.twcap");
    var context = new ContextTags("shop", "prod", "eu-west-1", "1.4.2",
        Map.of("team", "checkout", "zone", "b"));
    Captures.write(file, CaptureWriterOptions.builder().writerName("replaytwin/test").scrubPolicyDigest("sha256:ab12")
        .context(context).build(), new RandomExchanges(seed).list(3));

    try (CaptureReader reader = CaptureReader.open(file)) {
      CaptureHeader h = reader.header();
      assertThat(h.formatVersion()).isEqualTo(1);
      assertThat(h.writer()).isEqualTo("replaytwin/test");
      assertThat(h.scrubPolicyDigest()).isEqualTo("sha256:ab12");
      assertThat(h.context()).isEqualTo(context);
      assertThat(h.segment()).isZero();
      assertThat(h.captureId()).isNotBlank();
    }
  }
}
