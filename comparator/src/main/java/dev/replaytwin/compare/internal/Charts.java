package dev.replaytwin.compare.internal;

import dev.replaytwin.compare.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/** The latency percentile distributions the report plots, per target and endpoint. */
final class Charts {
  private static final double[] PERCENTILES = {0, 50, 75, 90, 95, 99, 99.5, 99.9, 99.95, 99.99, 99.999, 100};

  private Charts() {}

  static List<Verdict.Distribution> distributions(List<EndpointTally> tallies, List<String> targets) {
    List<Verdict.Distribution> out = new ArrayList<>();
    for (EndpointTally t : tallies) {
      for (int i = 0; i < targets.size(); i++) {
        Histogram h = t.histograms[i];
        if (h.getTotalCount() == 0) {
          continue;
        }
        List<Double> ps = new ArrayList<>();
        List<Double> ms = new ArrayList<>();
        for (double p : PERCENTILES) {
          // Beyond 1/count the percentile is only the maximum again.
          if (p > 0 && p < 100 && (1 - p / 100) * h.getTotalCount() < 1) {
            continue;
          }
          ps.add(p);
          ms.add((p == 100 ? h.getMaxValue() : h.getValueAtPercentile(p)) / 1e6);
        }
        out.add(new Verdict.Distribution(targets.get(i), t.endpoint, ps, ms));
      }
    }
    return out;
  }
}
