package dev.replaytwin.compare.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogLinearBucketsTest {
  @ParameterizedTest(name = "{0} significant digits")
  @ValueSource(ints = {1, 2, 3})
  void bucketBoundsAreHdrHistogramsAndIndicesAreOrdered(int digits) {
    LogLinearBuckets buckets = new LogLinearBuckets(digits);
    Histogram template = new Histogram(digits);
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 200_000; i++) {
      long value = i < 5000 ? i : (long) Math.exp(random.nextDouble() * Math.log(1e13));
      int index = buckets.index(value);
      assertThat(buckets.lowestValue(index)).isEqualTo(template.lowestEquivalentValue(value));
      assertThat(buckets.highestValue(index)).isEqualTo(template.highestEquivalentValue(value));
      if (value > 0) {
        // Consecutive values share an index exactly when they share an HdrHistogram bucket.
        boolean sameBucket = template.lowestEquivalentValue(value - 1)
            == template.lowestEquivalentValue(value);
        assertThat(buckets.index(value - 1)).isEqualTo(sameBucket ? index : index - 1);
      }
    }
  }
}
