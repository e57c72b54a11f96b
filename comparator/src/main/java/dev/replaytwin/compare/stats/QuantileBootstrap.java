package dev.replaytwin.compare.stats;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Bootstrap confidence intervals for percentiles of one target's latency, straight from its
 * HdrHistogram.
 *
 * <p>Each resample redraws as many values as the histogram holds, with replacement, as multinomial
 * counts over the histogram's non-empty buckets (see {@link CellResampler}); the percentile of
 * every resample is read the way {@code Histogram.getValueAtPercentile} reads it, and the interval
 * is the percentile method's. The random stream is seeded from a hash of the buckets' values and
 * counts, the percentile, the resample count and the confidence, so the same histogram always gives
 * the same interval.
 *
 * <p>The bootstrap of a sample percentile is only as good as the data beyond it: with fewer than
 * about ten values above a percentile (p99.9 of 5,000 requests, or the maximum) the interval is
 * too narrow and its upper bound sticks to the largest value seen.
 *
 * <pre>{@code
 * QuantileBootstrap bootstrap = new QuantileBootstrap(histogram);
 * PercentileEstimate p99 = bootstrap.estimate(99.0);
 * // p99.value().estimate() == histogram.getValueAtPercentile(99.0)
 * }</pre>
 */
public final class QuantileBootstrap {
  /** Resamples when none are asked for. */
  public static final int DEFAULT_RESAMPLES = 1000;
  /** Confidence level when none is asked for. */
  public static final double DEFAULT_CONFIDENCE = 0.95;

  private final long[] values;
  private final CellResampler resampler;
  private final long dataHash;

  /** Copies the histogram's non-empty buckets; later changes to the histogram are not seen. */
  public QuantileBootstrap(AbstractHistogram histogram) {
    requireNonNull(histogram, "histogram");
    int buckets = 0;
    for (HistogramIterationValue ignored : histogram.recordedValues()) {
      buckets++;
    }
    if (buckets == 0) {
      throw new IllegalArgumentException("histogram: empty (expected: at least one value)");
    }
    long[] bucketValues = new long[buckets];
    long[] counts = new long[buckets];
    int i = 0;
    SeedHash hash = new SeedHash();
    for (HistogramIterationValue v : histogram.recordedValues()) {
      bucketValues[i] = histogram.highestEquivalentValue(v.getValueIteratedTo());
      counts[i] = v.getCountAtValueIteratedTo();
      hash.add(bucketValues[i]).add(counts[i]);
      i++;
    }
    int[] index = new int[buckets];
    Arrays.setAll(index, b -> b);
    this.values = bucketValues;
    this.resampler = new CellResampler(new int[][] {index}, counts);
    this.dataHash = hash.seed();
  }

  /** The percentile with a 95% interval from 1000 resamples. */
  public PercentileEstimate estimate(double percentile) {
    return estimate(percentile, DEFAULT_RESAMPLES, DEFAULT_CONFIDENCE);
  }

  /**
   * The percentile (in {@code 0..100}, 0 exclusive) with a percentile-method interval at
   * {@code confidence} from {@code resamples} resamples.
   */
  public PercentileEstimate estimate(double percentile, int resamples, double confidence) {
    BootstrapChecks.percentile(percentile);
    BootstrapChecks.resamples(resamples);
    BootstrapChecks.confidence(confidence);
    long total = resampler.total();
    long rank = CellResampler.rank(percentile, total);
    long seed = seed(percentile, resamples, confidence);
    int[] buckets = resampler.resample(rank, resamples, new SplittableRandom(seed))[0];
    double[] replicates = new double[resamples];
    for (int r = 0; r < resamples; r++) {
      replicates[r] = values[buckets[r]];
    }
    Arrays.sort(replicates);
    double[] bounds = CellResampler.percentileBounds(replicates, confidence);
    double estimate = values[resampler.bucketAtRank(0, rank)];
    return new PercentileEstimate(percentile, total, new Interval(estimate, bounds[0], bounds[1]),
        confidence, resamples);
  }

  /** The bootstrap's seed: a hash of the data and of the question asked of it. */
  long seed(double percentile, int resamples, double confidence) {
    return new SeedHash().add(dataHash).add(percentile).add(resamples).add(confidence).seed();
  }
}
