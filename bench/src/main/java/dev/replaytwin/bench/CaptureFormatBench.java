package dev.replaytwin.bench;

import dev.replaytwin.bench.internal.Args;
import dev.replaytwin.bench.internal.BenchOptions;
import dev.replaytwin.bench.internal.CodecConfig;
import dev.replaytwin.bench.internal.FormatRunner;
import dev.replaytwin.bench.internal.GzipReference;
import dev.replaytwin.bench.internal.MachineInfo;
import dev.replaytwin.bench.internal.Measurement;
import dev.replaytwin.bench.internal.ReportTable;
import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.capture.Codec;
import dev.replaytwin.core.capture.FsyncPolicy;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures the {@code .twcap} capture format on generated shop traffic: for each codec, how many
 * exchanges per second one thread writes (append all, close; fsync NEVER) and reads back (stream
 * all), the file size and compression ratio; then the writer's default configuration with its
 * default fsync policy; then {@code gzip -6} on the same raw record bytes as the yardstick. Prints
 * a table of medians (and bests) over the timed passes and a verdict per target.
 *
 * <pre>{@code
 * bench/run --exchanges 200000 --iterations 5
 * }</pre>
 *
 * Run it through {@code bench/run}, which pins the JVM to one CPU; see {@code bench/README.md}.
 */
public final class CaptureFormatBench {
  private static final Instant TRAFFIC_START = Instant.parse("2025-06-03T09:00:00Z");
  private static final double TRAFFIC_RATE = 800;

  private CaptureFormatBench() {}

  public static void main(String[] args) throws Exception {
    BenchOptions options = Args.parseOrExit("CaptureFormatBench", BenchOptions.USAGE, args, BenchOptions::parse);
    if (options == null) {
      return;
    }
    run(options, System.out);
  }

  static void run(BenchOptions options, PrintStream out) throws Exception {
    Files.createDirectories(options.dir());
    out.println("ReplayTwin capture-format benchmark, " + Instant.now());
    out.println(MachineInfo.describe());
    out.printf(Locale.ROOT, "options  %,d exchanges, %d warm-up + %d timed passes per config, blocks of %,d bytes,"
        + " files in %s%n%n", options.exchanges(), options.warmup(), options.iterations(), options.blockBytes(),
        options.dir().toAbsolutePath());

    long start = System.nanoTime();
    List<Exchange> exchanges = new ShopTraffic(options.seed(), TRAFFIC_START, TRAFFIC_RATE).take(options.exchanges());
    out.printf(Locale.ROOT, "generated %,d shop exchanges in %.1f s%n", exchanges.size(),
        (System.nanoTime() - start) / 1e9);

    FormatRunner runner = new FormatRunner(exchanges, options, out);
    List<Measurement> results = new ArrayList<>();
    Path stored = null;
    long rawBytes = -1;
    for (CodecConfig config : options.configs()) {
      Measurement m = runner.measure(config, true);
      results.add(m);
      check(rawBytes, m);
      rawBytes = m.rawBytes();
      if (config.codec() == Codec.NONE) {
        stored = runner.file(config);
      } else {
        Files.deleteIfExists(runner.file(config));
      }
    }
    CodecConfig writerDefault = CodecConfig.writerDefault();
    if (writerDefault.fsync() != FsyncPolicy.NEVER) {
      Measurement m = runner.measure(writerDefault, false);
      results.add(m);
      check(rawBytes, m);
      Files.deleteIfExists(runner.file(writerDefault));
    }
    if (stored == null) {
      CodecConfig none = new CodecConfig(Codec.NONE, 0, FsyncPolicy.NEVER);
      runner.measure(none, false);
      stored = runner.file(none);
    }
    out.printf(Locale.ROOT, "  %-22s compressing the raw records %d times...%n", "reference", options.gzipRuns());
    GzipReference.Result gzip;
    try {
      gzip = GzipReference.measure(stored, results.get(0).rawBytes(), options.gzipRuns());
    } finally {
      Files.deleteIfExists(stored);
    }
    out.printf(Locale.ROOT, "  %-22s compress %s; decompress %s%n%n", gzip.label(), gzip.compress().describe(),
        gzip.decompress().describe());
    ReportTable.print(out, results, gzip);
    out.printf(Locale.ROOT, "(medians of %d timed passes; MB = 10^6 bytes of raw records; ratio = raw / file; "
        + "read checksum %x)%n", options.iterations(), runner.sink());
  }

  /** Every configuration encodes the same records, so the raw byte count must not change. */
  private static void check(long rawBytes, Measurement m) {
    if (rawBytes >= 0 && m.rawBytes() != rawBytes) {
      throw new IllegalStateException(m.config().label() + ": " + m.rawBytes() + " raw bytes, others " + rawBytes);
    }
  }
}
