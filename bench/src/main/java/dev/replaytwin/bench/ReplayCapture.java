package dev.replaytwin.bench;

import dev.replaytwin.bench.internal.OutFileArgs;
import dev.replaytwin.core.Body;
import dev.replaytwin.core.ContextTags;
import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.Headers;
import dev.replaytwin.core.HttpRequest;
import dev.replaytwin.core.HttpResponse;
import dev.replaytwin.core.Timings;
import dev.replaytwin.core.capture.CaptureWriter;
import dev.replaytwin.core.capture.CaptureWriterOptions;
import dev.replaytwin.core.capture.FsyncPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a capture of small, uniform inbound GETs for replay benchmarks ({@code bench/replay}):
 * request {@code i} is {@code GET /items/<i mod 1000>} to Host {@code origin.bench}, captured at
 * {@code start + i / rate} and answered with a ~30-byte JSON 200.
 *
 * <pre>{@code
 * bench/run --main ReplayCapture bench/out/replay-200k.twcap --requests 200000 --overwrite
 * }</pre>
 *
 * <p>The 1,000 distinct requests and responses are built once and shared, so each exchange costs an
 * id and a record; the writer runs zstd level 1 with 1 MiB blocks sealed by size alone and no
 * fsync (the file is a fixture, not a capture to protect): 10 million exchanges (115 MB) take
 * seconds.
 */
public final class ReplayCapture {
  static final String USAGE = """
      Usage: ReplayCapture OUT.twcap --requests N [--rate R] [--overwrite]
        --requests N    exchanges to write
        --rate R        capture times evenly spaced at R requests per second (default 10000)
        --overwrite     replace OUT.twcap if it exists""";

  static final int DISTINCT = 1000;
  private static final Instant START = Instant.parse("2025-06-03T09:00:00Z");
  private static final ContextTags CONTEXT = new ContextTags("origin", "bench", "loopback", "1", Map.of());
  /** Pretend upstream timings: first byte 200 µs after the request, last byte 20 µs later. */
  private static final long FIRST_BYTE_NANOS = 200_000;
  private static final long END_NANOS = 220_000;

  private ReplayCapture() {}

  public static void main(String[] args) throws IOException {
    OutFileArgs a = OutFileArgs.parse("ReplayCapture", USAGE, args, "--requests", "--rate");
    if (a == null) {
      return;
    }
    long requests;
    double rate;
    try {
      requests = Long.parseLong(a.value("--requests", "0"));
      rate = Double.parseDouble(a.value("--rate", "10000"));
    } catch (IllegalArgumentException e) {
      throw a.usageError(e.getMessage());
    }
    if (requests < 1) {
      throw a.usageError("--requests: " + requests + " (expected: >= 1)");
    }
    if (!(rate > 0) || Double.isInfinite(rate)) {
      throw a.usageError("--rate: " + rate + " (expected: > 0)");
    }
    a.write(() -> write(a.out(), requests, rate, a.overwrite()));
  }

  private static void write(Path out, long requests, double rate, boolean overwrite) throws IOException {
    HttpRequest[] requestFor = new HttpRequest[DISTINCT];
    HttpResponse[] responseFor = new HttpResponse[DISTINCT];
    for (int k = 0; k < DISTINCT; k++) {
      requestFor[k] = new HttpRequest("GET", "/items/" + k, "HTTP/1.1",
          Headers.of("Host", "origin.bench", "Accept", "application/json"), Body.EMPTY);
      String json = String.format(Locale.ROOT, "{\"id\":%d,\"name\":\"item-%03d\"}", k, k);
      responseFor[k] = new HttpResponse(200,
          Headers.of("Content-Type", "application/json", "Content-Length", Integer.toString(json.length())),
          Body.ofUtf8(json));
    }
    CaptureWriterOptions options = CaptureWriterOptions.builder()
        .context(CONTEXT)
        .writerName("replaytwin-bench ReplayCapture")
        .blockAge(Duration.ofHours(1))
        .fsync(FsyncPolicy.NEVER)
        .overwrite(overwrite)
        .build();
    long startNanos = START.getEpochSecond() * 1_000_000_000L + START.getNano();
    double gapNanos = 1e9 / rate;
    long began = System.nanoTime();
    CaptureWriter writer = CaptureWriter.open(out, options);
    try (writer) {
      for (long i = 0; i < requests; i++) {
        int k = (int) (i % DISTINCT);
        long t = startNanos + Math.round(i * gapNanos);
        writer.append(Exchange.inbound("r" + i, t, "c" + (i % 64), requestFor[k], responseFor[k],
            new Timings(t, t + FIRST_BYTE_NANOS, t + END_NANOS)));
      }
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    CaptureWriter.Stats stats = writer.stats();
    System.out.printf(Locale.ROOT,
        "%s: %,d exchanges (%,.0f/s of capture time, %.1f s span) in %d blocks, %,d bytes (%,d raw),"
            + " written in %.1f s (%,.0f exchanges/s)%n",
        out, stats.recordsWritten(), rate, (requests - 1) * gapNanos / 1e9, stats.blocksWritten(),
        stats.fileBytes(), stats.rawBytes(), seconds, stats.recordsWritten() / seconds);
  }
}
