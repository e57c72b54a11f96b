package dev.replaytwin.compare.stats;

import static java.util.Objects.requireNonNull;

/**
 * A percentile of one target's latency with its bootstrap confidence interval, in the histogram's
 * unit (nanoseconds for the replayer's logs).
 *
 * @param percentile the percentile, in {@code 0..100} (0 exclusive)
 * @param count observations in the histogram
 * @param value the percentile as {@code Histogram.getValueAtPercentile} reports it, with its
 *     interval
 * @param confidence the interval's confidence level
 * @param resamples bootstrap resamples behind the interval
 */
public record PercentileEstimate(
    double percentile, long count, Interval value, double confidence, int resamples) {
  public PercentileEstimate {
    BootstrapChecks.percentile(percentile);
    if (count < 1) {
      throw new IllegalArgumentException("count: " + count + " (expected: > 0)");
    }
    requireNonNull(value, "value");
    BootstrapChecks.confidence(confidence);
    BootstrapChecks.resamples(resamples);
  }
}
