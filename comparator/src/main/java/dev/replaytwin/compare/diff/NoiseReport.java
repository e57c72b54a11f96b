package dev.replaytwin.compare.diff;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@link NoiseCanceller} found, per endpoint (sorted by name).
 *
 * @param endpoints one report per endpoint that had a pair compared
 * @param thresholds the thresholds the fields were judged by
 */
public record NoiseReport(List<EndpointReport> endpoints, NoiseThresholds thresholds) {
  public NoiseReport {
    endpoints = List.copyOf(requireNonNull(endpoints, "endpoints"));
    requireNonNull(thresholds, "thresholds");
  }

  /** True when every endpoint had noise measured against a second baseline. */
  public boolean noiseMeasured() {
    return endpoints.stream().allMatch(EndpointReport::noiseMeasured);
  }

  /**
   * Caveats a reader must know, one sentence each: endpoints without a noise measurement, pairs
   * compared by digest only or hitting a limit, fields dropped beyond the cap.
   */
  public List<String> caveats() {
    List<String> out = new ArrayList<>();
    for (EndpointReport e : endpoints) {
      String at = e.endpoint() + ": ";
      if (!e.noiseMeasured()) {
        out.add(at + "no second baseline, so no difference could be measured as noise; only ignore rules"
            + " silence fields");
      }
      if (e.digestOnlyPairs() > 0) {
        out.add(at + e.digestOnlyPairs() + " of " + e.pairs() + " pairs had a body cut at the replayer's cap and"
            + " were compared by whole-body digest only, without a JSON diff");
      }
      if (e.cappedPairs() > 0) {
        out.add(at + e.cappedPairs() + " pairs had more differences than the diff limits allow; the rest are"
            + " not counted");
      }
      if (e.droppedDifferences() > 0) {
        out.add(at + e.droppedDifferences() + " differences at fields beyond the per-endpoint field cap were"
            + " counted but not judged");
      }
    }
    return out;
  }
}
