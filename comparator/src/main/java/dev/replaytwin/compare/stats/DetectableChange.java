package dev.replaytwin.compare.stats;

import static java.util.Objects.requireNonNull;

/**
 * The smallest change of a latency percentile this run could tell from noise, read off an A/A
 * comparison (the baseline against a second copy of itself, replayed the same way).
 *
 * <p>The rule is deliberately simple: the noise floor is the larger of what A/A actually showed
 * and what it could have shown, that is of the A/A point estimate's distance from "no change" and
 * the distance of its confidence interval's farther bound from it. A candidate shift smaller than
 * {@link #relative()} is indistinguishable from the two targets' own jitter, whatever its
 * p-value. Separately, a percentile with fewer than {@value #MIN_TAIL_SAMPLES} requests beyond it
 * (p99.9 of fewer than 10,000 requests) is {@linkplain #isResolvable() not resolvable}: its
 * bootstrap interval is too narrow to trust.
 *
 * @param percentile the percentile, in {@code 0..100} (0 exclusive)
 * @param pairs requests in the A/A comparison
 * @param tailSamples requests beyond the percentile, {@code floor(pairs · (1 - percentile / 100))}
 * @param relative smallest detectable relative change (0.05 is 5%), at least 0
 * @param absolute smallest detectable change in the samples' unit, at least 0
 */
public record DetectableChange(
    double percentile, long pairs, long tailSamples, double relative, double absolute) {
  /** Requests beyond a percentile below which its bootstrap interval is not trusted. */
  public static final long MIN_TAIL_SAMPLES = 10;

  public DetectableChange {
    BootstrapChecks.percentile(percentile);
    if (pairs < 1 || tailSamples < 0 || tailSamples > pairs) {
      throw new IllegalArgumentException("pairs: " + pairs + ", tailSamples: " + tailSamples
          + " (expected: pairs > 0, 0 <= tailSamples <= pairs)");
    }
    if (!(relative >= 0) || !(absolute >= 0)) {
      throw new IllegalArgumentException(
          "relative: " + relative + ", absolute: " + absolute + " (expected: both >= 0)");
    }
  }

  /** The noise floor of an A/A percentile shift, by the rule above. */
  public static DetectableChange fromAa(PercentileShift aa) {
    requireNonNull(aa, "aa");
    Interval ratio = aa.ratio();
    double relative = Math.max(Math.abs(ratio.estimate() - 1),
        Math.max(ratio.upper() - 1, 1 - ratio.lower()));
    Interval difference = aa.difference();
    double absolute = Math.max(Math.abs(difference.estimate()),
        Math.max(difference.upper(), -difference.lower()));
    long tail = (long) Math.floor(aa.pairs() * (1 - aa.percentile() / 100));
    return new DetectableChange(aa.percentile(), aa.pairs(), tail, Math.max(0, relative),
        Math.max(0, absolute));
  }

  /** Whether enough requests lie beyond the percentile for its interval to mean something. */
  public boolean isResolvable() {
    return tailSamples >= MIN_TAIL_SAMPLES;
  }
}
