package dev.replaytwin.deploy.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The samples of one scrape of a Prometheus text (or OpenMetrics) endpoint, summed per metric name
 * over all label sets, and the resource fields read from them. The names cover the two common JVM
 * exporters: Micrometer (Spring actuator) and the Prometheus client's default exports.
 *
 * <pre>{@code
 * PrometheusText m = PrometheusText.parse("jvm_gc_pause_seconds_sum{gc=\"G1 Young\"} 0.25\n");
 * m.gcSeconds();   // 0.25
 * }</pre>
 */
public final class PrometheusText {
  private final Map<String, Double> sums;

  private PrometheusText(Map<String, Double> sums) {
    this.sums = sums;
  }

  /**
   * Every sample line of {@code text}; comments, blank lines, lines that are not samples and values
   * that are not finite are left out, so a half-broken endpoint still yields what it can.
   */
  public static PrometheusText parse(String text) {
    Map<String, Double> sums = new HashMap<>();
    text.lines().forEach(line -> parseLine(line.strip(), sums));
    return new PrometheusText(sums);
  }

  private static void parseLine(String line, Map<String, Double> sums) {
    if (line.isEmpty() || line.charAt(0) == '#') {
      return;
    }
    int i = 0;
    while (i < line.length() && line.charAt(i) != '{' && !Character.isWhitespace(line.charAt(i))) {
      i++;
    }
    String name = line.substring(0, i);
    if (name.isEmpty()) {
      return;
    }
    if (i < line.length() && line.charAt(i) == '{') {
      i = endOfLabels(line, i);
      if (i < 0) {
        return;
      }
    }
    String[] rest = line.substring(i).strip().split("\\s+");
    double value = parseValue(rest[0]);
    if (Double.isFinite(value)) {
      sums.merge(name, value, Double::sum);
    }
  }

  /** The index after the '}' closing the label set opened at {@code open}, or -1; quoted values may hold '}'. */
  private static int endOfLabels(String line, int open) {
    boolean quoted = false;
    for (int i = open + 1; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted && c == '\\') {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == '}' && !quoted) {
        return i + 1;
      }
    }
    return -1;
  }

  private static double parseValue(String token) {
    try {
      return Double.parseDouble(token);
    } catch (NumberFormatException e) {
      return Double.NaN; // "+Inf", "-Inf", garbage: never a usable resource figure
    }
  }

  /** The sum of all samples named {@code name}, when there is one. */
  public OptionalDouble sum(String name) {
    Double sum = sums.get(name);
    return sum == null ? OptionalDouble.empty() : OptionalDouble.of(sum);
  }

  /** {@code process_cpu_seconds_total}, else Micrometer's {@code process_cpu_time_ns_total}; -1 without either. */
  public double cpuSeconds() {
    OptionalDouble seconds = sum("process_cpu_seconds_total");
    if (seconds.isPresent()) {
      return nonNegative(seconds.getAsDouble());
    }
    OptionalDouble nanos = sum("process_cpu_time_ns_total");
    return nanos.isPresent() ? nonNegative(nanos.getAsDouble() / 1e9) : -1;
  }

  /** {@code process_resident_memory_bytes}; -1 without it (Micrometer exports heap, not RSS, so it has none). */
  public long rssBytes() {
    return (long) first("process_resident_memory_bytes");
  }

  /** {@code jvm_threads_live_threads} (Micrometer), else {@code jvm_threads_current}; -1 without either. */
  public int threads() {
    return (int) first("jvm_threads_live_threads", "jvm_threads_current");
  }

  /** {@code process_open_fds}, else Micrometer's {@code process_files_open_files}; -1 without either. */
  public int openFiles() {
    return (int) first("process_open_fds", "process_files_open_files");
  }

  /**
   * Stop-the-world GC time: {@code jvm_gc_pause_seconds_sum} (Micrometer) or
   * {@code jvm_gc_collection_seconds_sum} (Prometheus client), over all collectors; -1 without either.
   */
  public double gcSeconds() {
    return first("jvm_gc_pause_seconds_sum", "jvm_gc_collection_seconds_sum");
  }

  private double first(String... names) {
    for (String name : names) {
      OptionalDouble sum = sum(name);
      if (sum.isPresent()) {
        return nonNegative(sum.getAsDouble());
      }
    }
    return -1;
  }

  private static double nonNegative(double value) {
    return value >= 0 ? value : -1;
  }
}
