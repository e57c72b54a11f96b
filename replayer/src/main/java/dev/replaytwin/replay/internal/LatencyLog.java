package dev.replaytwin.replay.internal;

import dev.replaytwin.core.run.EndpointTag;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.HdrHistogram.Recorder;

/**
 * One target's latencies, per endpoint, recorded from event-loop threads into HdrHistogram
 * {@link Recorder}s (wait-free for writers) and written once an interval by one logging thread as
 * HdrHistogram interval logs: {@code latency.hlog} (from the intended send time, so corrected for
 * coordinated omission) and {@code service.hlog} (from the actual send). Each interval has one
 * histogram per endpoint, tagged with {@link EndpointTag#encode}, and one untagged histogram of all
 * requests. Values are nanoseconds.
 *
 * <p>Endpoints past {@value #MAX_ENDPOINTS} share the endpoint {@value #OTHER}, so a capture with
 * unbounded paths cannot exhaust memory.
 */
public final class LatencyLog implements Closeable {
  static final int MAX_ENDPOINTS = 500;
  static final String OTHER = "OTHER (more endpoints)";

  private final Map<String, Pair> endpoints = new ConcurrentHashMap<>();
  private final Pair all = new Pair();
  private final Log latency;
  private final Log service;

  private static final class Pair {
    final Recorder latency = new Recorder(3);
    final Recorder service = new Recorder(3);
    Histogram latencyInterval;
    Histogram serviceInterval;
  }

  private static final class Log {
    final PrintStream out;
    final HistogramLogWriter writer;

    Log(Path file, long startEpochMillis) throws IOException {
      OutputStream stream = Files.newOutputStream(file);
      out = new PrintStream(stream, false, "UTF-8");
      writer = new HistogramLogWriter(out);
      writer.outputComment("[replaytwin " + file.getFileName() + ": values in nanoseconds, tags are endpoints]");
      writer.outputLogFormatVersion();
      writer.outputStartTime(startEpochMillis);
      writer.setBaseTime(startEpochMillis);
      writer.outputBaseTime(startEpochMillis);
      writer.outputLegend();
    }
  }

  public LatencyLog(Path latencyFile, Path serviceFile, long startEpochMillis) throws IOException {
    Files.createDirectories(latencyFile.getParent());
    this.latency = new Log(latencyFile, startEpochMillis);
    this.service = new Log(serviceFile, startEpochMillis);
  }

  /**
   * Records one answered request.
   *
   * @param latencyNanos from the intended send time to the last response byte
   * @param serviceNanos from the actual send to the last response byte
   */
  public void record(String endpoint, long latencyNanos, long serviceNanos) {
    Pair p = endpoints.get(endpoint);
    if (p == null) {
      p = endpoints.size() >= MAX_ENDPOINTS ? endpoints.computeIfAbsent(OTHER, k -> new Pair())
          : endpoints.computeIfAbsent(endpoint, k -> new Pair());
    }
    long l = Math.max(0, latencyNanos);
    long s = Math.max(0, serviceNanos);
    p.latency.recordValue(l);
    p.service.recordValue(s);
    all.latency.recordValue(l);
    all.service.recordValue(s);
  }

  /** Writes the interval that ends now; called by one thread only. */
  public synchronized void writeInterval(long startEpochMillis, long endEpochMillis) {
    for (Map.Entry<String, Pair> e : endpoints.entrySet()) {
      write(e.getValue(), EndpointTag.encode(e.getKey()), startEpochMillis, endEpochMillis);
    }
    write(all, null, startEpochMillis, endEpochMillis);
    latency.out.flush();
    service.out.flush();
  }

  private void write(Pair p, String tag, long start, long end) {
    p.latencyInterval = p.latency.getIntervalHistogram(p.latencyInterval);
    p.serviceInterval = p.service.getIntervalHistogram(p.serviceInterval);
    if (p.latencyInterval.getTotalCount() == 0 && tag != null) {
      return;
    }
    output(latency, p.latencyInterval, tag, start, end);
    output(service, p.serviceInterval, tag, start, end);
  }

  private static void output(Log log, Histogram h, String tag, long start, long end) {
    h.setTag(tag);
    h.setStartTimeStamp(start);
    h.setEndTimeStamp(end);
    log.writer.outputIntervalHistogram(h);
  }

  @Override
  public synchronized void close() {
    latency.out.close();
    service.out.close();
  }
}
