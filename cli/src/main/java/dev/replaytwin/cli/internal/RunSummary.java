package dev.replaytwin.cli.internal;

import dev.replaytwin.core.run.RunDirectory;
import dev.replaytwin.core.run.RunManifest;
import java.io.FileNotFoundException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * What {@code twin replay} prints when it ends: per target, requests, answers, errors and latency
 * percentiles (read back from the run's own {@code .hlog} files, as any HdrHistogram tool would),
 * then the replayer's health.
 */
public final class RunSummary {
  private RunSummary() {}

  public static void print(RunManifest run, Path dir, PrintWriter out) {
    RunDirectory rd = RunDirectory.at(dir);
    out.printf(Locale.ROOT, "run %s: %s, %s%n", dir, run.state(), run.schedule().openLoop()
        ? "open loop (" + run.schedule().mode() + ")" : "CLOSED LOOP capacity run (--max): no schedule, latency counts from each dispatch");
    for (RunManifest.Target t : run.targets()) {
      Histogram latency = total(rd.latencyLog(t.name()));
      Histogram service = total(rd.serviceLog(t.name()));
      out.printf(Locale.ROOT, "  %-12s %,d requests, %,d answered, %,d errors%s%s%n", t.name(), t.requests(),
          t.answered(), t.errors().values().stream().mapToLong(Long::longValue).sum(),
          t.errors().isEmpty() ? "" : " " + t.errors(),
          t.writesSkipped() == 0 ? "" : ", " + t.writesSkipped() + " writes not sent");
      if (latency.getTotalCount() > 0) {
        out.printf(Locale.ROOT, "  %-12s latency p50 %s  p99 %s  max %s   service p50 %s  p99 %s%n", "",
            ms(latency.getValueAtPercentile(50)), ms(latency.getValueAtPercentile(99)), ms(latency.getMaxValue()),
            ms(service.getValueAtPercentile(50)), ms(service.getValueAtPercentile(99)));
      }
    }
    RunManifest.Health h = run.health();
    out.printf(Locale.ROOT, "  replayer     send lag p50 %s  p99 %s  max %s (bound %s), %d late, %d dropped: %s%n",
        ms(h.lagP50Nanos()), ms(h.lagP99Nanos()), ms(h.lagMaxNanos()), ms(h.lagBoundNanos()), h.late(), h.dropped(),
        h.valid() ? "valid" : "INCONCLUSIVE");
    if (h.timerSamples() > 0) {
      out.printf(Locale.ROOT, "  machine      an idle sleeping thread woke late by p99 %s, %d of %d wake-ups"
          + " over the bound%n", ms(h.timerP99Nanos()), h.timerLate(), h.timerSamples());
    }
  }

  /** The untagged (all-endpoint) intervals of an interval log, added up. */
  static Histogram total(Path hlog) {
    Histogram sum = new Histogram(3);
    try {
      HistogramLogReader reader = new HistogramLogReader(hlog.toFile());
      EncodableHistogram h;
      while ((h = reader.nextIntervalHistogram()) != null) {
        if (h.getTag() == null && h instanceof Histogram histogram) {
          sum.add(histogram);
        }
      }
      reader.close();
    } catch (FileNotFoundException e) {
      // No log: the target got no request.
    }
    return sum;
  }

  private static String ms(long nanos) {
    return String.format(Locale.ROOT, "%.2fms", nanos / 1e6);
  }
}
