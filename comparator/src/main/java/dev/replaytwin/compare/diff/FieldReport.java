package dev.replaytwin.compare.diff;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * How often one field differed one way on one endpoint, and the judgement. Counts are of request
 * pairs, not of differences: a pair with three changed {@code $.items[*].price} elements counts
 * once, so {@code rawCount <= pairs} and the counts fit a 2×2 exact test (raw {@code rawCount} of
 * {@code pairs} against noise {@code noiseCount} of {@code noisePairs}).
 *
 * @param field the generalized field, such as {@code $.items[*].price}
 * @param kind how it differed
 * @param classification the judgement
 * @param ignoredBy the ignore rule that matched, or {@code ""}
 * @param pairs baseline–candidate pairs compared on the endpoint
 * @param rawCount of those, pairs where this field differed this way
 * @param noisePairs baseline–second-baseline pairs compared on the endpoint (0 without a second
 *     baseline)
 * @param noiseCount of those, pairs where this field differed this way
 * @param rawExamples a few baseline–candidate differences, smallest exchange id first
 * @param noiseExamples a few baseline–second-baseline differences, smallest exchange id first
 */
public record FieldReport(String field, DiffKind kind, Classification classification, String ignoredBy, long pairs,
    long rawCount, long noisePairs, long noiseCount, List<Example> rawExamples, List<Example> noiseExamples) {

  public FieldReport {
    requireNonNull(field, "field");
    requireNonNull(kind, "kind");
    requireNonNull(classification, "classification");
    requireNonNull(ignoredBy, "ignoredBy");
    rawExamples = List.copyOf(requireNonNull(rawExamples, "rawExamples"));
    noiseExamples = List.copyOf(requireNonNull(noiseExamples, "noiseExamples"));
    if (rawCount < 0 || rawCount > pairs) {
      throw new IllegalArgumentException("rawCount: " + rawCount + " (expected: 0.." + pairs + ", the pairs)");
    }
    if (noiseCount < 0 || noiseCount > noisePairs) {
      throw new IllegalArgumentException("noiseCount: " + noiseCount + " (expected: 0.." + noisePairs
          + ", the noise pairs)");
    }
  }

  /** The share of baseline–candidate pairs where this field differed, 0 when none were compared. */
  public double rawRate() {
    return pairs == 0 ? 0 : (double) rawCount / pairs;
  }

  /** The share of baseline–second-baseline pairs where it differed; NaN when noise was not measured. */
  public double noiseRate() {
    return noisePairs == 0 ? Double.NaN : (double) noiseCount / noisePairs;
  }

  /** True when there was a second baseline to measure noise against. */
  public boolean noiseMeasured() {
    return noisePairs > 0;
  }
}
