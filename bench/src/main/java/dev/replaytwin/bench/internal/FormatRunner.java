package dev.replaytwin.bench.internal;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.bench.ShopTraffic;
import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.capture.CaptureReader;
import dev.replaytwin.core.capture.CaptureWriter;
import dev.replaytwin.core.capture.CaptureWriterOptions;
import dev.replaytwin.core.capture.ReadTotals;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the same exchanges with one configuration, then streams them back, timing each pass.
 * A write pass is open, append every exchange, close; a read pass is open, {@code next()} until the
 * end, close. Both run on the calling thread; the file is read back from the page cache.
 */
public final class FormatRunner {
  private final List<Exchange> exchanges;
  private final BenchOptions options;
  private final PrintStream progress;
  /** Folded from every exchange read so the JIT cannot drop the reading. */
  private long sink;

  public FormatRunner(List<Exchange> exchanges, BenchOptions options, PrintStream progress) {
    this.exchanges = List.copyOf(requireNonNull(exchanges, "exchanges"));
    this.options = requireNonNull(options, "options");
    this.progress = requireNonNull(progress, "progress");
  }

  /** The capture file a configuration writes to; left in place after {@link #measure}. */
  public Path file(CodecConfig config) {
    return options.dir().resolve("bench-" + config.label().replace(' ', '-') + ".twcap");
  }

  /**
   * Warm-up passes, then timed ones.
   *
   * @param withRead also time reading the file back
   */
  public Measurement measure(CodecConfig config, boolean withRead) throws IOException {
    Path file = file(config);
    for (int i = 0; i < options.warmup(); i++) {
      write(config, file);
      if (withRead) {
        read(file);
      }
    }
    long[] writes = new long[options.iterations()];
    long[] reads = new long[withRead ? options.iterations() : 0];
    CaptureWriter.Stats stats = null;
    for (int i = 0; i < options.iterations(); i++) {
      Timed<CaptureWriter.Stats> w = write(config, file);
      writes[i] = w.nanos();
      stats = w.value();
      if (withRead) {
        Timed<ReadTotals> r = read(file);
        reads[i] = r.nanos();
        if (r.value().rawBytes() != stats.rawBytes()) {
          throw new IllegalStateException(config.label() + ": read " + r.value().rawBytes() + " raw bytes, wrote "
              + stats.rawBytes());
        }
      }
    }
    Measurement m = new Measurement(config, exchanges.size(), stats.rawBytes(), Files.size(file), new Samples(writes),
        new Samples(reads));
    progress.printf("  %-22s write %s%s%n", config.label(), m.write().describe(),
        withRead ? "; read " + m.read().describe() : "");
    return m;
  }

  /** A pass's duration and what it returned. */
  private record Timed<T>(long nanos, T value) {}

  private Timed<CaptureWriter.Stats> write(CodecConfig config, Path file) throws IOException {
    Files.deleteIfExists(file);
    CaptureWriterOptions writerOptions = CaptureWriterOptions.builder()
        .codec(config.codec(), config.level())
        .fsync(config.fsync())
        .blockBytes(options.blockBytes())
        .context(ShopTraffic.CONTEXT)
        .build();
    // Garbage of the previous pass is collected here, not inside the timed region.
    System.gc();
    long start = System.nanoTime();
    CaptureWriter writer = CaptureWriter.open(file, writerOptions);
    try (writer) {
      for (Exchange e : exchanges) {
        writer.append(e);
      }
    }
    long nanos = System.nanoTime() - start;
    CaptureWriter.Stats stats = writer.stats();
    if (stats.recordsWritten() != exchanges.size()) {
      throw new IllegalStateException(config.label() + ": wrote " + stats.recordsWritten() + " of "
          + exchanges.size() + " exchanges (" + stats.recordsLost() + " lost)");
    }
    return new Timed<>(nanos, stats);
  }

  private Timed<ReadTotals> read(Path file) throws IOException {
    System.gc();
    long start = System.nanoTime();
    long n = 0;
    long fold = 0;
    ReadTotals totals;
    List<?> problems;
    try (CaptureReader reader = CaptureReader.open(file)) {
      for (Exchange e; (e = reader.next()) != null; ) {
        n++;
        fold += e.captureTimeNanos() ^ e.request().target().length()
            ^ (e.response() == null ? 0 : e.response().body().length());
      }
      totals = reader.totals();
      problems = reader.problems();
    }
    long nanos = System.nanoTime() - start;
    if (n != exchanges.size() || !problems.isEmpty()) {
      throw new IllegalStateException(file + ": read " + n + " of " + exchanges.size() + " exchanges, problems "
          + problems);
    }
    sink += fold;
    return new Timed<>(nanos, totals);
  }

  /** The value folded from everything read, printed at the end so the reads are observable. */
  public long sink() {
    return sink;
  }
}
