package dev.replaytwin.compare.diff;

/**
 * When a field's difference rate between baseline and candidate (raw) is "about the same" as between
 * the two baselines (noise), Diffy's rule: a field is a regression only when its raw rate exceeds its
 * noise rate both
 *
 * <ul>
 *   <li>by more than {@code absolute}, as a share of requests: {@code raw - noise > absolute}; and
 *   <li>by more than {@code relative} of the noise rate: {@code raw > noise * (1 + relative)}.
 * </ul>
 *
 * <p>With the defaults (20%, 0.03 percentage points) a field that differs in 100% of raw pairs and
 * 98% of noise pairs is noise, while one that differs in 2% of raw pairs and never between the
 * baselines is a regression. These are effect-size gates, not significance tests: counts are exposed
 * in {@link FieldReport} for an exact test.
 *
 * @param relative how much above the noise rate the raw rate must be, as a fraction of the noise
 *     rate, 0..10
 * @param absolute how much above the noise rate the raw rate must be, as a share of requests, 0..1
 */
public record NoiseThresholds(double relative, double absolute) {
  /** Diffy's defaults: relative 20%, absolute 0.03% of requests. */
  public static final NoiseThresholds DIFFY = new NoiseThresholds(0.20, 0.0003);

  public NoiseThresholds {
    if (!(relative >= 0 && relative <= 10)) {
      throw new IllegalArgumentException("relative: " + relative + " (expected: 0..10)");
    }
    if (!(absolute >= 0 && absolute <= 1)) {
      throw new IllegalArgumentException("absolute: " + absolute + " (expected: 0..1)");
    }
  }

  /** True when {@code rawRate} stands out from {@code noiseRate} by both thresholds. */
  public boolean exceeds(double rawRate, double noiseRate) {
    return rawRate - noiseRate > absolute && rawRate > noiseRate * (1 + relative);
  }
}
