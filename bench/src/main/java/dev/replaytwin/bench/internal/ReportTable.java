package dev.replaytwin.bench.internal;

import dev.replaytwin.core.capture.FsyncPolicy;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Prints the figures of a capture-format run as one table, then a verdict line per target. */
public final class ReportTable {
  /** Exchanges per second one core must write with the default configuration. */
  public static final double WRITE_TARGET = 100_000;
  /** Exchanges per second one core must read back. */
  public static final double READ_TARGET = 200_000;

  private static final String ROW = "%-26s %10s %10s %9s %10s %10s %9s %9s %7s %8s%n";

  private ReportTable() {}

  public static void print(PrintStream out, List<Measurement> results, GzipReference.Result gzip) {
    out.printf(Locale.ROOT, ROW, "config", "write ex/s", "best", "write MB/s", "read ex/s", "best", "read MB/s",
        "file MB", "ratio", "vs gzip");
    for (Measurement m : results) {
      boolean read = !m.read().isEmpty();
      out.printf(Locale.ROOT, ROW, m.config().label(), count(m.writeRate()), count(m.bestWriteRate()),
          decimal(m.writeMegabytes()), read ? count(m.readRate()) : "-", read ? count(m.bestReadRate()) : "-",
          read ? decimal(m.readMegabytes()) : "-", decimal(m.fileBytes() / 1e6), ratio(m.ratio()),
          String.format(Locale.ROOT, "%.2f", m.ratio() / gzip.ratio()));
    }
    long exchanges = results.get(0).exchanges();
    out.printf(Locale.ROOT, ROW, gzip.label().length() > 26 ? "deflate-6 (java.util.zip)" : gzip.label(),
        count(Samples.perSecond(exchanges, gzip.compress().median())),
        count(Samples.perSecond(exchanges, gzip.compress().best())),
        decimal(Samples.megabytesPerSecond(gzip.inputBytes(), gzip.compress().median())),
        count(Samples.perSecond(exchanges, gzip.decompress().median())),
        count(Samples.perSecond(exchanges, gzip.decompress().best())),
        decimal(Samples.megabytesPerSecond(gzip.inputBytes(), gzip.decompress().median())),
        decimal(gzip.outputBytes() / 1e6), ratio(gzip.ratio()), "1.00");
    out.printf(Locale.ROOT, "raw record bytes: %,d (%.1f MB, %,.0f bytes per exchange); reference: %s%n",
        gzip.inputBytes(), gzip.inputBytes() / 1e6, (double) gzip.inputBytes() / exchanges, gzip.label());
    out.println();
    verdicts(out, results, gzip);
  }

  private static void verdicts(PrintStream out, List<Measurement> results, GzipReference.Result gzip) {
    CodecConfig def = CodecConfig.writerDefault();
    Optional<Measurement> fast = results.stream()
        .filter(m -> m.config().isDefaultCodec() && !m.read().isEmpty()).findFirst();
    Optional<Measurement> synced = results.stream()
        .filter(m -> m.config().isDefaultCodec() && m.config().fsync() == def.fsync() && m.read().isEmpty())
        .findFirst();
    out.println("Verdict for the writer's default codec " + def.withFsync(FsyncPolicy.NEVER)
        .label() + " on one core:");
    if (fast.isEmpty()) {
      out.println("  (the default codec was not among --codecs; no verdict)");
    } else {
      Measurement m = fast.get();
      String syncedNote = synced.map(s -> String.format(Locale.ROOT, "; %s/s with fsync %s (%s)",
          count(s.writeRate()), def.fsync(), pass(s.writeRate() >= WRITE_TARGET))).orElse("");
      out.printf(Locale.ROOT, "  write >= %s exchanges/s: %s  %s/s median, fsync NEVER%s%n", count(WRITE_TARGET),
          pass(m.writeRate() >= WRITE_TARGET), count(m.writeRate()), syncedNote);
      out.printf(Locale.ROOT, "  read  >= %s exchanges/s: %s  %s/s median%n", count(READ_TARGET),
          pass(m.readRate() >= READ_TARGET), count(m.readRate()));
      out.printf(Locale.ROOT, "  ratio >= %s's:          %s  %.2fx vs %.2fx (%.2f times gzip's ratio)%n",
          gzip.label().length() > 26 ? "Deflater(6)" : gzip.label(), pass(m.ratio() >= gzip.ratio()), m.ratio(),
          gzip.ratio(), m.ratio() / gzip.ratio());
    }
    String all = results.stream().filter(m -> !m.read().isEmpty())
        .filter(m -> m.writeRate() >= WRITE_TARGET && m.readRate() >= READ_TARGET && m.ratio() >= gzip.ratio())
        .map(m -> m.config().label()).collect(Collectors.joining(", "));
    out.println("Configurations meeting all three targets: " + (all.isEmpty() ? "none" : all));
  }

  private static String pass(boolean ok) {
    return ok ? "PASS" : "FAIL";
  }

  private static String count(double v) {
    return String.format(Locale.ROOT, "%,.0f", v);
  }

  private static String decimal(double v) {
    return String.format(Locale.ROOT, "%,.1f", v);
  }

  private static String ratio(double v) {
    return String.format(Locale.ROOT, "%.2fx", v);
  }
}
