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
    long previousValue = -1;
    int previousIndex = -1;
    for (int i = 0; i < 200_000; i++) {
      long value = i < 5000 ? i : (long) Math.exp(random.nextDouble() * Math.log(1e13));
      int index = buckets.index(value);
      assertThat(buckets.lowestValue(index)).isEqualTo(template.lowestEquivalentValue(value));
      assertThat(buckets.highestValue(index)).isEqualTo(template.highestEquivalentValue(value));
      if (i < 5000) {
        assertThat(index).isGreaterThanOrEqualTo(previousIndex);
        assertThat(value).isGreaterThan(previousValue);
        assertThat(index == previousIndex)
            .isEqualTo(buckets.lowestValue(index) == buckets.lowestValue(previousIndex < 0 ? 0
                : previousIndex) && previousIndex >= 0);
      }
      previousValue = value;
      previousIndex = index;
    }
  }
}
