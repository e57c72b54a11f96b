package dev.replaytwin.compare.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongSortTest {
  @Test
  void sortsAsArraysSortDoesAtEverySizeAndRange() {
    Random random = new Random(5);
    long[][] ranges = {{0, 50_000_000}, {-1_000, 1_000}, {Long.MIN_VALUE / 2, Long.MAX_VALUE / 2},
        {Long.MIN_VALUE, Long.MAX_VALUE}, {7, 7}};
    for (int n : new int[] {0, 1, 100, 4095, 4096, 5000, 200_000}) {
      for (long[] range : ranges) {
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
          values[i] = range[0] == Long.MIN_VALUE ? random.nextLong()
              : range[0] + (long) (random.nextDouble() * (range[1] - range[0]));
        }
        if (n > 2) {
          values[0] = range[0];
          values[1] = range[1];
        }
        long[] expected = values.clone();
        Arrays.sort(expected);
        LongSort.sort(values);
        assertThat(values).as("n %d, range %s", n, Arrays.toString(range)).isEqualTo(expected);
      }
    }
  }
}
