package dev.replaytwin.deploy.internal.docker;

import java.util.OptionalDouble;

/**
 * Time a JVM spent in garbage collection, read from a Prometheus text exposition: Micrometer's
 * {@code jvm_gc_pause_seconds_sum} (Spring actuator) or the Prometheus Java client's
 * {@code jvm_gc_collection_seconds_sum}, summed over collectors and causes.
 */
public final class PrometheusGc {
  private static final String[] METRICS = {"jvm_gc_pause_seconds_sum", "jvm_gc_collection_seconds_sum"};

  private PrometheusGc() {}

  /** The total, or empty when the text holds none of the metrics. */
  public static OptionalDouble seconds(String exposition) {
    double total = 0;
    boolean found = false;
    for (String line : exposition.split("\n")) {
      String metric = metricOf(line);
      if (metric == null) {
        continue;
      }
      double value = valueOf(line);
      if (Double.isFinite(value) && value >= 0) {
        total += value;
        found = true;
      }
    }
    return found ? OptionalDouble.of(total) : OptionalDouble.empty();
  }

  private static String metricOf(String line) {
    for (String metric : METRICS) {
      if (line.startsWith(metric) && line.length() > metric.length()
          && (line.charAt(metric.length()) == '{' || line.charAt(metric.length()) == ' ')) {
        return metric;
      }
    }
    return null;
  }

  /** The sample value: the first field after the labels (a timestamp may follow it). */
  private static double valueOf(String line) {
    int labelsEnd = line.lastIndexOf('}');
    String rest = (labelsEnd >= 0 ? line.substring(labelsEnd + 1) : line.substring(line.indexOf(' '))).strip();
    int space = rest.indexOf(' ');
    try {
      return Double.parseDouble(space < 0 ? rest : rest.substring(0, space));
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
