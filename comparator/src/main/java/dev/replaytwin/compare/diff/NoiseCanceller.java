package dev.replaytwin.compare.diff;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.compare.diff.internal.EndpointTally;
import dev.replaytwin.core.Nullable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Diffy's noise cancellation: tells fields that differ because of the candidate from fields that
 * differ anyway (timestamps, random ids, unordered results).
 *
 * <p>For each replayed request, give it the diff of baseline against candidate ("raw") and, when a
 * second baseline ran the baseline's release, the diff of baseline against the second baseline
 * ("noise"). Per endpoint and per (generalized field, {@link DiffKind}) it counts the pairs where
 * the field differed, raw and noise, and judges each field:
 *
 * <ol>
 *   <li>{@link Classification#IGNORED} when an {@link IgnoreRules} pattern names it (still counted);
 *   <li>{@link Classification#REGRESSION} when the endpoint has no noise measurement (no second
 *       baseline): nothing can be called noise then;
 *   <li>{@link Classification#REGRESSION} when the raw rate exceeds the noise rate by both {@link
 *       NoiseThresholds} (by default Diffy's: 20% relative, 0.03 percentage points absolute);
 *   <li>{@link Classification#NOISE} otherwise.
 * </ol>
 *
 * <p>The field and the kind form the key, so a timestamp whose value changes in every response is
 * noise, yet the same timestamp turning {@code null} only in the candidate ({@link
 * DiffKind#CHANGED_TYPE}) is a regression.
 *
 * <p>Memory is bounded by endpoints × {@link NoiseOptions#maxFieldsPerEndpoint()} × {@link
 * NoiseOptions#maxExamples()}, not by requests, so outcomes can be streamed through. Examples are the
 * smallest exchange ids, whatever order the diffs arrive in, so reports are reproducible. Not
 * thread-safe.
 *
 * <pre>{@code
 * NoiseCanceller canceller = new NoiseCanceller(NoiseOptions.defaults().withIgnore(rules));
 * for (Triple t : outcomesPairedByExchangeAndLoop) {
 *   canceller.add(differ.diff(t.baseline(), t.candidate()),
 *       t.secondBaseline() == null ? null : differ.diff(t.baseline(), t.secondBaseline()));
 * }
 * for (EndpointReport endpoint : canceller.report().endpoints()) {
 *   endpoint.regressions().forEach(f -> System.out.println(endpoint.endpoint() + " " + f.field() + " " + f.kind()));
 * }
 * }</pre>
 */
public final class NoiseCanceller {
  private final NoiseOptions options;
  private final Map<String, EndpointTally> endpoints = new TreeMap<>();

  public NoiseCanceller(NoiseOptions options) {
    this.options = requireNonNull(options, "options");
  }

  /**
   * Counts one request's diffs.
   *
   * @param raw baseline against candidate
   * @param noise baseline against the second baseline, or {@code null} when there is none (or it has
   *     no outcome for this request)
   * @throws IllegalArgumentException when {@code noise} is of another request
   */
  public void add(ResponseDiff raw, @Nullable ResponseDiff noise) {
    checkPair(raw, noise);
    endpoints.computeIfAbsent(raw.endpoint(), e -> new EndpointTally(options)).add(raw, noise);
  }

  /**
   * A batch of requests' diffs to count apart, on any one thread, then here with {@link #addAll}:
   * the counting can be spread over threads while the outcome stays that of adding each request
   * here in order.
   */
  public Batch newBatch() {
    return new Batch(options);
  }

  /**
   * Counts a batch's requests as if each had been {@link #add added} here, in the batch's order,
   * after everything added before. Batches must be added in the order of their requests.
   */
  public void addAll(Batch batch) {
    requireNonNull(batch, "batch");
    if (batch.options != options) {
      throw new IllegalArgumentException("batch: of another canceller (expected: one from newBatch())");
    }
    batch.endpoints.forEach((endpoint, tally) ->
        endpoints.computeIfAbsent(endpoint, e -> new EndpointTally(options)).merge(tally));
  }

  /** Some requests' diffs counted apart from the canceller; see {@link #newBatch()}. Not thread-safe. */
  public static final class Batch {
    private final NoiseOptions options;
    private final Map<String, EndpointTally> endpoints = new HashMap<>();

    private Batch(NoiseOptions options) {
      this.options = options;
    }

    /** Like {@link NoiseCanceller#add}. */
    public void add(ResponseDiff raw, @Nullable ResponseDiff noise) {
      checkPair(raw, noise);
      endpoints.computeIfAbsent(raw.endpoint(), e -> EndpointTally.batch(options)).add(raw, noise);
    }
  }

  private static void checkPair(ResponseDiff raw, @Nullable ResponseDiff noise) {
    requireNonNull(raw, "raw");
    if (noise != null && (!noise.exchangeId().equals(raw.exchangeId()) || noise.loop() != raw.loop()
        || !noise.endpoint().equals(raw.endpoint()))) {
      throw new IllegalArgumentException("noise: " + noise.endpoint() + " exchange " + noise.exchangeId() + " loop "
          + noise.loop() + " (expected: the raw diff's request, " + raw.endpoint() + " exchange "
          + raw.exchangeId() + " loop " + raw.loop() + ")");
    }
  }

  /** The judgement so far; may be called again after more {@link #add} calls. */
  public NoiseReport report() {
    List<EndpointReport> out = new ArrayList<>(endpoints.size());
    endpoints.forEach((endpoint, tally) -> out.add(tally.report(endpoint)));
    return new NoiseReport(out, options.thresholds());
  }
}
