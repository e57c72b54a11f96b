package dev.replaytwin.compare.diff;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The judged fields of one endpoint.
 *
 * @param endpoint the endpoint name
 * @param pairs baseline–candidate pairs compared
 * @param noisePairs baseline–second-baseline pairs compared; 0 without a second baseline, and then
 *     no field is {@link Classification#NOISE} (only ignore rules silence differences)
 * @param cappedPairs pairs whose diff hit a {@link DiffLimits} limit, so some differences are not
 *     counted
 * @param digestOnlyPairs pairs whose bodies were compared by whole-body digest only, at least one
 *     being cut at the replayer's cap, so their JSON fields were not diffed
 * @param droppedDifferences differences (counted once per pair and field) at fields beyond {@link
 *     NoiseOptions#maxFieldsPerEndpoint()}, counted but not judged
 * @param fields every kept field and kind, sorted by field then kind
 */
public record EndpointReport(String endpoint, long pairs, long noisePairs, long cappedPairs, long digestOnlyPairs,
    long droppedDifferences, List<FieldReport> fields) {

  public EndpointReport {
    requireNonNull(endpoint, "endpoint");
    fields = List.copyOf(requireNonNull(fields, "fields"));
  }

  /** True when there was a second baseline to measure noise against. */
  public boolean noiseMeasured() {
    return noisePairs > 0;
  }

  /** The fields judged {@link Classification#REGRESSION}. */
  public List<FieldReport> regressions() {
    return fields.stream().filter(f -> f.classification() == Classification.REGRESSION).toList();
  }
}
