package dev.replaytwin.compare.diff.internal;

import dev.replaytwin.compare.diff.BodyComparison;
import dev.replaytwin.compare.diff.Classification;
import dev.replaytwin.compare.diff.DiffKind;
import dev.replaytwin.compare.diff.Difference;
import dev.replaytwin.compare.diff.EndpointReport;
import dev.replaytwin.compare.diff.Example;
import dev.replaytwin.compare.diff.FieldReport;
import dev.replaytwin.compare.diff.IgnoreRules;
import dev.replaytwin.compare.diff.NoiseOptions;
import dev.replaytwin.compare.diff.ResponseDiff;
import dev.replaytwin.core.Nullable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts for one endpoint. Memory grows with the distinct (field, kind) keys, capped, never with
 * the requests.
 *
 * <p>A tally can also count a batch of requests apart ({@link #batch}), on another thread, and be
 * {@link #merge merged} into the endpoint's later: merged in the order they were counted, batches
 * give exactly the counts, the kept keys and the examples counting every request here would have.
 */
public final class EndpointTally {
  /** Up to this many differences a scan finds repeated keys sooner than a set. */
  private static final int FEW = 8;
  private static final DiffKind[] KINDS = DiffKind.values();
  private static final Comparator<FieldReport> FIELD_ORDER =
      Comparator.comparing(FieldReport::field).thenComparing(FieldReport::kind);

  private final NoiseOptions options;
  /** Tallies by field, then by kind: looked up once or twice per difference, so without a key object. */
  private final Map<String, FieldTally[]> fields = new HashMap<>();
  /** The tallies in the order their keys were first seen. */
  private final List<FieldTally> seen = new ArrayList<>();
  /** A batch's tally, to be merged: it keeps every key, and is never judged. */
  private final boolean batch;
  private long pairs;
  private long noisePairs;
  private long cappedPairs;
  private long digestOnlyPairs;
  private long droppedDifferences;

  public EndpointTally(NoiseOptions options) {
    this(options, false);
  }

  private EndpointTally(NoiseOptions options, boolean batch) {
    this.options = options;
    this.batch = batch;
  }

  /** A tally of some of this endpoint's requests, to {@link #merge} into one made by the constructor. */
  public static EndpointTally batch(NoiseOptions options) {
    return new EndpointTally(options, true);
  }

  /**
   * Counts {@code batch} as if its requests had been added here, in its order, after everything
   * added before. A key the batch saw first is kept here when there is still room at that point, as
   * it would have been; examples keep their order (exchange id, then the order they came in).
   */
  public void merge(EndpointTally batch) {
    pairs += batch.pairs;
    noisePairs += batch.noisePairs;
    cappedPairs += batch.cappedPairs;
    digestOnlyPairs += batch.digestOnlyPairs;
    droppedDifferences += batch.droppedDifferences;
    for (FieldTally b : batch.seen) {
      FieldTally t = tally(b.field, b.kind);
      if (t == null) {
        droppedDifferences += b.raw + b.noise;
        continue;
      }
      t.raw += b.raw;
      t.noise += b.noise;
      b.rawExamples.examples().forEach(t.rawExamples::offer);
      b.noiseExamples.examples().forEach(t.noiseExamples::offer);
    }
  }

  /** The tally of (field, kind), made when there is room for another key; null when there is not. */
  private @Nullable FieldTally tally(String field, DiffKind kind) {
    FieldTally[] byKind = fields.get(field);
    FieldTally tally = byKind == null ? null : byKind[kind.ordinal()];
    if (tally != null) {
      return tally;
    }
    if (!batch && seen.size() >= options.maxFieldsPerEndpoint()) {
      return null;
    }
    if (byKind == null) {
      byKind = new FieldTally[KINDS.length];
      fields.put(field, byKind);
    }
    // A batch's tallies are only merged, never judged: the rule is looked up once the key is kept.
    String ignoredBy = batch ? "" : options.ignore().ruleFor(field).orElse("");
    tally = new FieldTally(field, kind, ignoredBy, options.maxExamples());
    byKind[kind.ordinal()] = tally;
    seen.add(tally);
    return tally;
  }

  public void add(ResponseDiff raw, @Nullable ResponseDiff noise) {
    pairs++;
    boolean capped = raw.capped();
    boolean digestOnly = raw.body() == BodyComparison.DIGEST_TRUNCATED;
    count(raw, true);
    if (noise != null) {
      noisePairs++;
      capped |= noise.capped();
      digestOnly |= noise.body() == BodyComparison.DIGEST_TRUNCATED;
      count(noise, false);
    }
    if (capped) {
      cappedPairs++;
    }
    if (digestOnly) {
      digestOnlyPairs++;
    }
  }

  private void count(ResponseDiff diff, boolean raw) {
    List<Difference> differences = diff.differences();
    Set<String> seen = differences.size() > FEW ? new HashSet<>() : null;
    for (int i = 0; i < differences.size(); i++) {
      Difference d = differences.get(i);
      if (seen != null ? !seen.add(d.kind().ordinal() + " " + d.field()) : countedBefore(differences, i)) {
        continue;
      }
      FieldTally tally = tally(d.field(), d.kind());
      if (tally == null) {
        droppedDifferences++;
        continue;
      }
      tally.count(diff, d, raw);
    }
  }

  /** Whether a difference before {@code i} has the same field and kind, so it was counted already. */
  private static boolean countedBefore(List<Difference> differences, int i) {
    Difference d = differences.get(i);
    for (int k = 0; k < i; k++) {
      Difference e = differences.get(k);
      if (e.kind() == d.kind() && e.field().equals(d.field())) {
        return true;
      }
    }
    return false;
  }

  public EndpointReport report(String endpoint) {
    List<FieldReport> out = new ArrayList<>(seen.size());
    for (FieldTally t : seen) {
      out.add(new FieldReport(t.field, t.kind, classify(t), t.ignoredBy, pairs, t.raw, noisePairs, t.noise,
          t.rawExamples.examples(), t.noiseExamples.examples()));
    }
    out.sort(FIELD_ORDER);
    return new EndpointReport(endpoint, pairs, noisePairs, cappedPairs, digestOnlyPairs, droppedDifferences, out);
  }

  /** Ignored by rule; else without a noise measurement every difference counts; else Diffy's rule. */
  private Classification classify(FieldTally t) {
    if (!t.ignoredBy.isEmpty()) {
      return Classification.IGNORED;
    }
    if (noisePairs == 0) {
      return Classification.REGRESSION;
    }
    double rawRate = (double) t.raw / pairs;
    double noiseRate = (double) t.noise / noisePairs;
    return options.thresholds().exceeds(rawRate, noiseRate) ? Classification.REGRESSION : Classification.NOISE;
  }

  private static final class FieldTally {
    final String field;
    final DiffKind kind;
    final String ignoredBy;
    final ExampleKeeper rawExamples;
    final ExampleKeeper noiseExamples;
    long raw;
    long noise;

    FieldTally(String field, DiffKind kind, String ignoredBy, int maxExamples) {
      this.field = field;
      this.kind = kind;
      this.ignoredBy = ignoredBy;
      this.rawExamples = new ExampleKeeper(maxExamples);
      this.noiseExamples = new ExampleKeeper(maxExamples);
    }

    void count(ResponseDiff diff, Difference d, boolean isRaw) {
      if (isRaw) {
        raw++;
      } else {
        noise++;
      }
      ExampleKeeper keeper = isRaw ? rawExamples : noiseExamples;
      if (keeper.wants(diff.exchangeId(), diff.loop())) {
        keeper.offer(new Example(diff.exchangeId(), diff.loop(), d.path(), d.left(), d.right()));
      }
    }
  }
}
