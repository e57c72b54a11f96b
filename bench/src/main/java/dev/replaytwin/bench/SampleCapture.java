package dev.replaytwin.bench;

import dev.replaytwin.bench.internal.OutFileArgs;
import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.capture.CaptureWriter;
import dev.replaytwin.core.capture.CaptureWriterOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Writes a small example capture of shop traffic, the one committed as
 * {@code examples/shop-sample.twcap} for the quick start.
 *
 * <pre>{@code
 * bench/run --main SampleCapture examples/shop-sample.twcap --overwrite
 * }</pre>
 *
 * <p>The writer's default options (zstd level 1, 1 MiB blocks) except the block age: it is set to an
 * hour so blocks are sealed by size alone and the file depends only on the seed. Everything but
 * the header's creation time and capture id is the same from run to run.
 */
public final class SampleCapture {
  static final String USAGE = """
      Usage: SampleCapture OUT.twcap [--exchanges N] [--rate R] [--seed N] [--overwrite]
        --exchanges N   exchanges to write (default 500)
        --rate R        mean inbound requests per second (default 2: 500 exchanges span about four minutes)
        --seed N        traffic seed (default 7)
        --overwrite     replace OUT.twcap if it exists""";

  private static final Instant START = Instant.parse("2025-06-03T09:00:00Z");

  private SampleCapture() {}

  public static void main(String[] args) throws IOException {
    OutFileArgs a = OutFileArgs.parse("SampleCapture", USAGE, args, "--exchanges", "--rate", "--seed");
    if (a == null) {
      return;
    }
    int exchanges;
    double rate;
    long seed;
    try {
      exchanges = Integer.parseInt(a.value("--exchanges", "500"));
      rate = Double.parseDouble(a.value("--rate", "2"));
      seed = Long.parseLong(a.value("--seed", "7"));
    } catch (IllegalArgumentException e) {
      throw a.usageError(e.getMessage());
    }
    a.write(() -> write(a.out(), new ShopTraffic(seed, START, rate).take(exchanges), a.overwrite()));
  }

  private static void write(Path out, List<Exchange> exchanges, boolean overwrite) throws IOException {
    CaptureWriterOptions options = CaptureWriterOptions.builder()
        .context(ShopTraffic.CONTEXT)
        .writerName("replaytwin-bench SampleCapture")
        .blockAge(Duration.ofHours(1))
        .overwrite(overwrite)
        .build();
    CaptureWriter writer = CaptureWriter.open(out, options);
    try (writer) {
      for (Exchange e : exchanges) {
        writer.append(e);
      }
    }
    CaptureWriter.Stats stats = writer.stats();
    double span = (exchanges.get(exchanges.size() - 1).captureTimeNanos() - exchanges.get(0).captureTimeNanos()) / 1e9;
    System.out.printf(Locale.ROOT, "%s: %,d exchanges over %.0f s in %d blocks, %,d bytes (%,d raw, ratio %.2f)%n",
        out, stats.recordsWritten(), span, stats.blocksWritten(), stats.fileBytes(), stats.rawBytes(),
        (double) stats.rawBytes() / stats.fileBytes());
  }
}
