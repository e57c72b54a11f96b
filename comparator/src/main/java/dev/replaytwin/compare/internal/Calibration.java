package dev.replaytwin.compare.internal;

import dev.replaytwin.compare.GatePolicy;
import dev.replaytwin.compare.Verdict;
import dev.replaytwin.compare.stats.DetectableChange;
import dev.replaytwin.compare.stats.PairedQuantileBootstrap;
import dev.replaytwin.compare.stats.PercentileShift;
import dev.replaytwin.compare.stats.QuantileBootstrap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How small a p99 change this run could detect, per endpoint. With a second baseline it is read off
 * the A/A pair ({@link DetectableChange#fromAa}); an endpoint whose floor is above the policy's
 * relative allowance gets a note, since a change within its noise could not have failed. Without a
 * second baseline the floor is unknown, and the verdict says so.
 */
record Calibration(Verdict.Calibration verdict, List<String> notes) {
  private static final double P99 = 99.0;

  /**
   * The A/A bootstrap of one endpoint's p99, empty when it has too few requests beyond it (or no
   * second baseline): the work of {@link #of}, which stands alone, so that it can run beside the
   * other endpoints' and the latency checks'.
   */
  static Optional<PercentileShift> shift(EndpointTally t, GatePolicy policy, String noise) {
    if (noise.isEmpty()) {
      return Optional.empty();
    }
    long pairs = t.aaCells.pairs();
    if (pairs == 0 || pairs * (1 - P99 / 100) < DetectableChange.MIN_TAIL_SAMPLES) {
      return Optional.empty();
    }
    return Optional.of(new PairedQuantileBootstrap(t.aaCells).shift(P99, QuantileBootstrap.DEFAULT_RESAMPLES,
        policy.confidence()));
  }

  /**
   * @param listed the endpoints, then the pooled {@code all}
   * @param shifts {@link #shift} of each of {@code listed}, in its order
   */
  static Calibration of(List<EndpointTally> listed, List<Optional<PercentileShift>> shifts, EndpointTally all,
      GatePolicy policy, String noise) {
    List<String> notes = new ArrayList<>();
    Map<String, Double> detectable = new TreeMap<>();
    if (noise.isEmpty()) {
      return new Calibration(new Verdict.Calibration("", detectable, "No second baseline (--noise): the noise"
          + " floor was not measured, so a response field that always differs (a timestamp, an id) counts as a"
          + " change unless the policy ignores it, and the smallest detectable change is unknown."), notes);
    }
    for (int i = 0; i < listed.size(); i++) {
      EndpointTally t = listed.get(i);
      if (shifts.get(i).isEmpty()) {
        detectable.put(t.endpoint, Double.NaN);
        continue;
      }
      PercentileShift aa = shifts.get(i).get();
      DetectableChange d = DetectableChange.fromAa(aa);
      detectable.put(t.endpoint, d.relative());
      GatePolicy.Rules rules = policy.endpoints().getOrDefault(t.endpoint, policy.defaults());
      double allowed = rules.effectiveLatency().relative();
      if (d.relative() > allowed && !rules.critical()) {
        notes.add(String.format(Locale.ROOT, "%s: the two baselines' p99 differ by up to %.1f%%, more than the %.0f%%"
            + " the policy allows: a p99 change smaller than that could not be told from noise", t.endpoint,
            d.relative() * 100, allowed * 100));
      }
    }
    Double overall = detectable.get(all.endpoint);
    String text = String.format(Locale.ROOT, "Noise floor from %s, a second copy of the baseline: over all requests"
        + " this run could detect a p99 change of %s.", noise,
        overall == null || overall.isNaN() ? "(too few requests to say)" : String.format(Locale.ROOT, "%.1f%%",
            overall * 100));
    return new Calibration(new Verdict.Calibration(noise, detectable, text), notes);
  }
}
