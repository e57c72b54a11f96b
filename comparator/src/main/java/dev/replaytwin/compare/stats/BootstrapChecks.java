package dev.replaytwin.compare.stats;

/** Validation of the arguments every bootstrap in this package shares. */
final class BootstrapChecks {
  private BootstrapChecks() {}

  static void percentile(double percentile) {
    if (!(percentile > 0 && percentile <= 100)) {
      throw new IllegalArgumentException(
          "percentile: " + percentile + " (expected: 0..100, 0 exclusive)");
    }
  }

  static void confidence(double confidence) {
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException(
          "confidence: " + confidence + " (expected: 0..1 exclusive)");
    }
  }

  static void resamples(int resamples) {
    if (resamples < 1) {
      throw new IllegalArgumentException("resamples: " + resamples + " (expected: > 0)");
    }
  }
}
