package dev.replaytwin.proxy;

/** Reads one sample out of Prometheus text exposition. */
final class PrometheusText {
  private PrometheusText() {}

  /**
   * The value of {@code sample}, written as in the exposition ({@code name} or
   * {@code name{label="value"}}), or 0 when the text has no such sample.
   */
  static double value(String text, String sample) {
    for (String line : text.split("\n")) {
      if (line.startsWith(sample + " ")) {
        return Double.parseDouble(line.substring(sample.length() + 1).trim().split(" ")[0]);
      }
    }
    return 0;
  }
}
