package dev.replaytwin.compare.internal;

import dev.replaytwin.compare.Verdict;
import dev.replaytwin.compare.stats.PairedCells;
import dev.replaytwin.core.Nullable;
import dev.replaytwin.core.run.ErrorKind;
import dev.replaytwin.core.run.Outcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * What the comparator keeps of one endpoint's paired requests: the latencies of the pairs both
 * targets answered without failing (for the paired tests), failure counts in both directions with a
 * few examples, and a latency histogram per target (for the charts). A request failed when it got
 * no response or a 5xx.
 */
final class EndpointTally {
  static final int MAX_EXAMPLES = 5;
  private static final Comparator<Verdict.Example> ORDER =
      Comparator.comparing(Verdict.Example::exchangeId).thenComparingInt(Verdict.Example::loop);

  final String endpoint;
  /** Baseline and candidate latencies (ns) of the pairs both answered; index i is one request. */
  final LongList baselineLatency = new LongList();
  final LongList candidateLatency = new LongList();
  /** The same pairs' joint cells, for the latency bootstraps. */
  final PairedCells latencyCells = new PairedCells();
  /** For the A/A floor: noise-target latencies of the pairs the baseline and it both answered, and their cells. */
  final LongList aaNoise = new LongList();
  final PairedCells aaCells = new PairedCells();
  /** Requests both baseline and candidate have a row for. */
  long pairs;
  long baselineFailed;
  long candidateFailed;
  /** Failed on the candidate only, and on the baseline only: McNemar's discordant pairs. */
  long candidateOnly;
  long baselineOnly;
  /** The same against the noise target, for the A/A error floor. */
  long aaPairs;
  long noiseFailed;
  long noiseOnly;
  long aaBaselineOnly;
  /** Requests only one of baseline and candidate has a row for (a replay cut short). */
  long unpaired;
  final List<Verdict.Example> candidateOnlyExamples = new ArrayList<>();
  final TreeMap<String, Long> candidateFailures = new TreeMap<>();
  final Histogram[] histograms;
  /** False for a pooled tally, whose histograms and cells are its parts' added up at the end ({@link #addParts}). */
  private final boolean recordsLatencies;

  EndpointTally(String endpoint, int targets) {
    this(endpoint, targets, true);
  }

  /**
   * @param recordsLatencies false for a tally of several endpoints' requests that each of them
   *     records too: {@link #addParts} then adds their histograms and cells up, the same counts
   *     without recording every latency twice
   */
  EndpointTally(String endpoint, int targets, boolean recordsLatencies) {
    this.endpoint = endpoint;
    this.recordsLatencies = recordsLatencies;
    this.histograms = new Histogram[targets];
    for (int i = 0; i < targets; i++) {
      histograms[i] = new Histogram(3);
    }
  }

  /** Adds {@code parts}' histograms (target by target) and latency cells to this one's. */
  void addParts(Iterable<EndpointTally> parts) {
    for (EndpointTally part : parts) {
      for (int i = 0; i < histograms.length; i++) {
        histograms[i].add(part.histograms[i]);
      }
      latencyCells.addAll(part.latencyCells);
      aaCells.addAll(part.aaCells);
    }
  }

  static boolean failed(Outcome o) {
    return o.error() != ErrorKind.NONE || o.status() >= 500;
  }

  static String describe(Outcome o) {
    return o.error() != ErrorKind.NONE ? o.error().label() : Integer.toString(o.status());
  }

  /** One request's rows, one per target (baseline, candidate, then the noise target if any); any may be null. */
  void add(@Nullable Outcome[] rows) {
    Outcome baseline = rows[0];
    Outcome candidate = rows[1];
    Outcome noise = rows.length > 2 ? rows[2] : null;
    for (int i = 0; recordsLatencies && i < histograms.length; i++) {
      if (rows[i] != null && rows[i].answered() && rows[i].latencyNanos() >= 0) {
        histograms[i].recordValue(Math.max(1, rows[i].latencyNanos()));
      }
    }
    if (baseline != null && noise != null) {
      aaPairs++;
      boolean bf = failed(baseline);
      boolean nf = failed(noise);
      if (nf) {
        noiseFailed++;
      }
      if (nf && !bf) {
        noiseOnly++;
      } else if (bf && !nf) {
        aaBaselineOnly++;
      } else if (!bf) {
        aaNoise.add(noise.latencyNanos());
        if (recordsLatencies) {
          aaCells.add(baseline.latencyNanos(), noise.latencyNanos());
        }
      }
    }
    if (baseline == null || candidate == null) {
      unpaired++;
      return;
    }
    pairs++;
    boolean bf = failed(baseline);
    boolean cf = failed(candidate);
    if (bf) {
      baselineFailed++;
    }
    if (cf) {
      candidateFailed++;
      candidateFailures.merge(describe(candidate), 1L, Long::sum);
    }
    if (cf && !bf) {
      candidateOnly++;
      keep(new Verdict.Example(candidate.exchangeId(), candidate.loop(),
          "baseline " + describe(baseline) + ", candidate " + describe(candidate)
              + (candidate.errorDetail().isEmpty() ? "" : " (" + candidate.errorDetail() + ")")));
    } else if (bf && !cf) {
      baselineOnly++;
    } else if (!bf) {
      baselineLatency.add(baseline.latencyNanos());
      candidateLatency.add(candidate.latencyNanos());
      if (recordsLatencies) {
        latencyCells.add(baseline.latencyNanos(), candidate.latencyNanos());
      }
    }
  }

  /** Keeps the examples with the smallest exchange ids, so the report does not depend on arrival order. */
  private void keep(Verdict.Example e) {
    candidateOnlyExamples.add(e);
    if (candidateOnlyExamples.size() > MAX_EXAMPLES) {
      candidateOnlyExamples.sort(ORDER);
      candidateOnlyExamples.remove(MAX_EXAMPLES);
    }
  }

  List<Verdict.Example> examples() {
    List<Verdict.Example> sorted = new ArrayList<>(candidateOnlyExamples);
    sorted.sort(ORDER);
    return sorted;
  }
}
