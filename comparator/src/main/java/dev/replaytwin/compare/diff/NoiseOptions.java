package dev.replaytwin.compare.diff;

import static java.util.Objects.requireNonNull;

/**
 * How {@link NoiseCanceller} judges and how much it keeps.
 *
 * @param ignore fields never judged
 * @param thresholds when raw differences stand out from noise
 * @param maxFieldsPerEndpoint distinct (field, kind) keys kept per endpoint; differences at further
 *     keys are only counted, in {@link EndpointReport#droppedDifferences()}
 * @param maxExamples example differences kept per field, raw and noise each
 */
public record NoiseOptions(IgnoreRules ignore, NoiseThresholds thresholds, int maxFieldsPerEndpoint,
    int maxExamples) {

  public NoiseOptions {
    requireNonNull(ignore, "ignore");
    requireNonNull(thresholds, "thresholds");
    if (maxFieldsPerEndpoint < 1) {
      throw new IllegalArgumentException("maxFieldsPerEndpoint: " + maxFieldsPerEndpoint + " (expected: >= 1)");
    }
    if (maxExamples < 0 || maxExamples > 100) {
      throw new IllegalArgumentException("maxExamples: " + maxExamples + " (expected: 0..100)");
    }
  }

  /** No ignore rules, {@link NoiseThresholds#DIFFY}, 1,000 fields per endpoint, 3 examples. */
  public static NoiseOptions defaults() {
    return new NoiseOptions(IgnoreRules.NONE, NoiseThresholds.DIFFY, 1_000, 3);
  }

  public NoiseOptions withIgnore(IgnoreRules ignore) {
    return new NoiseOptions(ignore, thresholds, maxFieldsPerEndpoint, maxExamples);
  }

  public NoiseOptions withThresholds(NoiseThresholds thresholds) {
    return new NoiseOptions(ignore, thresholds, maxFieldsPerEndpoint, maxExamples);
  }

  public NoiseOptions withMaxFieldsPerEndpoint(int maxFieldsPerEndpoint) {
    return new NoiseOptions(ignore, thresholds, maxFieldsPerEndpoint, maxExamples);
  }

  public NoiseOptions withMaxExamples(int maxExamples) {
    return new NoiseOptions(ignore, thresholds, maxFieldsPerEndpoint, maxExamples);
  }
}
