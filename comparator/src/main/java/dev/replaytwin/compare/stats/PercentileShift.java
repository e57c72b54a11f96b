package dev.replaytwin.compare.stats;

import static java.util.Objects.requireNonNull;

/**
 * How a latency percentile moved from baseline to candidate over the same requests, with paired
 * bootstrap confidence intervals: "p99 grew by {@code difference} (CI lower..upper), or
 * {@code relativeChange()} (CI lower..upper)".
 *
 * @param percentile the percentile, in {@code 0..100} (0 exclusive)
 * @param pairs requests behind both percentiles
 * @param baseline the baseline's percentile, at bucket resolution
 * @param candidate the candidate's percentile, at bucket resolution
 * @param difference candidate minus baseline percentile, in the samples' unit
 * @param ratio candidate over baseline percentile (1.3 is 30% slower); a zero baseline percentile
 *     is taken as 1 so the ratio stays finite
 * @param confidence the intervals' confidence level
 * @param resamples bootstrap resamples behind the intervals
 */
public record PercentileShift(double percentile, long pairs, long baseline, long candidate,
    Interval difference, Interval ratio, double confidence, int resamples) {
  public PercentileShift {
    BootstrapChecks.percentile(percentile);
    if (pairs < 1) {
      throw new IllegalArgumentException("pairs: " + pairs + " (expected: > 0)");
    }
    requireNonNull(difference, "difference");
    requireNonNull(ratio, "ratio");
    BootstrapChecks.confidence(confidence);
    BootstrapChecks.resamples(resamples);
  }

  /** The ratio minus one: +0.30 for a percentile 30% higher in the candidate. */
  public Interval relativeChange() {
    return ratio.plus(-1);
  }
}
