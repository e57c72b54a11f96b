package dev.replaytwin.compare.internal;

import dev.replaytwin.compare.CompareException;
import dev.replaytwin.compare.CompareOptions;
import dev.replaytwin.compare.Decision;
import dev.replaytwin.compare.GatePolicy;
import dev.replaytwin.compare.Verdict;
import dev.replaytwin.compare.diff.DiffLimits;
import dev.replaytwin.compare.diff.EndpointReport;
import dev.replaytwin.compare.diff.IgnoreRules;
import dev.replaytwin.compare.diff.NoiseCanceller;
import dev.replaytwin.compare.diff.NoiseOptions;
import dev.replaytwin.compare.diff.NoiseReport;
import dev.replaytwin.compare.diff.ResponseDiffer;
import dev.replaytwin.compare.stats.MultipleTesting;
import dev.replaytwin.compare.stats.PercentileShift;
import dev.replaytwin.core.Nullable;
import dev.replaytwin.core.run.Outcome;
import dev.replaytwin.core.run.ResourceLog;
import dev.replaytwin.core.run.ResourceSample;
import dev.replaytwin.core.run.RunDirectory;
import dev.replaytwin.core.run.RunManifest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;

/**
 * One comparison from start to verdict: reads and pairs the outcomes of every run directory once,
 * tallies each endpoint, judges latency, failures and responses, adjusts every p-value for the
 * false-discovery rate (Benjamini–Hochberg) and assembles the {@link Verdict}.
 */
public final class Judgement {
  /** How long after its intended time a row can be written: the replayer's default timeouts, and then some. */
  private static final long JOIN_WINDOW_NANOS = 60_000_000_000L;

  private final CompareOptions options;
  private final GatePolicy policy;
  private final RunInputs inputs;
  private final Map<String, EndpointTally> endpoints = new HashMap<>();
  private final EndpointTally all;
  private final NoiseCanceller canceller;
  private final ParallelDiffs diffs;
  private final SeriesTally series;

  /** The outcome files' digests, taken as they were read. */
  private final Map<Path, String> digests = new HashMap<>();
  private final List<String> notes = new ArrayList<>();
  /** The requests of every run's warm-up, by trace id: their calls to dependencies are not judged either. */
  private final Set<String> warmupTraces = new HashSet<>();
  private long unpaired;

  private Judgement(CompareOptions options, RunInputs inputs, IgnoreRules ignore) {
    this.options = options;
    this.policy = options.policy();
    this.inputs = inputs;
    // Every request is in one endpoint's tally too: (all)'s histograms and cells are theirs added up at the end.
    this.all = new EndpointTally(Verdict.Check.ALL, inputs.targets().size(), false);
    this.canceller = new NoiseCanceller(NoiseOptions.defaults().withIgnore(ignore));
    this.diffs = new ParallelDiffs(new ResponseDiffer(policy.headers(), DiffLimits.DEFAULT), canceller);
    RunManifest first = inputs.manifests().get(0);
    this.series = new SeriesTally(first.t0EpochNanos(), span(first), inputs.targets());

  }

  public static Verdict of(CompareOptions options) throws CompareException, IOException {
    RunInputs inputs = RunInputs.read(options);
    IgnoreRules ignore;
    try {
      ignore = IgnoreRules.of(options.policy().ignore());
    } catch (IllegalArgumentException e) {
      throw new CompareException("gate policy: " + e.getMessage());
    }
    Judgement j = new Judgement(options, inputs, ignore);
    try (ParallelDiffs diffs = j.diffs) {
      j.read();
      diffs.finish();
    }
    return j.verdict();
  }

  private void read() throws IOException {
    for (int i = 0; i < inputs.dirs().size(); i++) {
      RunDirectory dir = inputs.dirs().get(i);
      List<Path> files = inputs.targets().stream().map(dir::outcomes).toList();
      try (OutcomeJoin join = OutcomeJoin.open(files, JOIN_WINDOW_NANOS, inputs.measuredFrom(i))) {
        for (Outcome[] row; (row = join.next()) != null; ) {
          add(row);
        }
        digests.putAll(join.digests());
        warmupTraces.addAll(join.skippedTraceIds());
        if (join.truncated()) {
          notes.add(dir.root() + ": an outcomes file ends inside a row (the replay was killed); every whole row"
              + " was compared");
        }
      }
    }
  }

  private void add(Outcome[] row) throws IOException {
    Outcome b = row[0];
    Outcome c = row[1];
    @Nullable Outcome n = row.length > 2 ? row[2] : null;
    Outcome any = b != null ? b : c != null ? c : n;
    EndpointTally tally = endpoints.get(any.endpoint());
    if (tally == null) {
      tally = new EndpointTally(any.endpoint(), row.length);
      endpoints.put(any.endpoint(), tally);
    }
    tally.add(row);
    all.add(row);
    for (int i = 0; i < row.length; i++) {
      if (row[i] != null) {
        series.add(i, row[i]);
      }
    }
    if (b == null || c == null) {
      unpaired++;
      return;
    }
    if (EndpointTally.failed(b) || EndpointTally.failed(c)) {
      return; // a failure is judged as one; its error page against a response is not a field change
    }
    diffs.add(b, c, n == null || EndpointTally.failed(n) ? null : n);
  }

  /** The endpoints by name, so that every list in the verdict comes out in the same order. */
  private List<EndpointTally> sortedEndpoints() {
    return new ArrayList<>(new TreeMap<>(endpoints).values());
  }

  private GatePolicy.Rules rules(String endpoint) {
    return policy.endpoints().getOrDefault(endpoint, policy.defaults());
  }

  private Verdict verdict() throws CompareException, IOException {
    for (String named : policy.endpoints().keySet()) {
      if (!endpoints.containsKey(named)) {
        throw new CompareException("gate policy: endpoint \"" + named + "\" is not in this run (it has "
            + String.join(", ", new TreeMap<>(endpoints).keySet()) + "); a rule for an endpoint that does not exist would"
            + " never be checked");
      }
    }
    List<Draft> drafts = new ArrayList<>();
    List<EndpointTally> judged = sortedEndpoints();
    all.addParts(judged);
    judged.add(all);
    List<LatencyJudge.Judged> latency = new ArrayList<>();
    List<Optional<PercentileShift>> aa = new ArrayList<>();
    bootstrap(judged, latency, aa);
    for (int i = 0; i < judged.size(); i++) {
      EndpointTally t = judged.get(i);
      GatePolicy.Rules r = t == all ? policy.defaults() : rules(t.endpoint);
      if (t.pairs < r.minSamples()) {
        drafts.add(tooFew(t, r));
        continue;
      }
      drafts.addAll(latency.get(i).drafts());
      notes.addAll(latency.get(i).notes());
      drafts.add(ErrorJudge.judge(t, r, policy.confidence()));
    }
    NoiseReport responses = canceller.report();
    for (EndpointReport e : responses.endpoints()) {
      drafts.addAll(ResponseJudge.judge(e, this::rules));
    }
    notes.addAll(responses.caveats());
    List<ResourceJudge.Usage> usage = usage();
    drafts.addAll(ResourceJudge.judge(usage.get(0), usage.get(1), usage.size() > 2 ? usage.get(2) : null,
        policy.resources(), notes));
    drafts.addAll(callDrafts());
    List<Verdict.Check> checks = adjust(drafts);
    List<String> invalid = inputs.invalidReasons();
    Decision decision = checks.stream().map(Verdict.Check::decision).reduce(Decision.PASS, Decision::worst);
    if (!invalid.isEmpty()) {
      decision = Decision.INCONCLUSIVE;
      for (String r : invalid) {
        notes.add(0, "the replay is not valid: " + r);
      }
    }
    if (unpaired > 0) {
      notes.add(unpaired + " requests have a row for only some of the targets and were left out of the paired"
          + " checks");
    }
    Calibration calibration = Calibration.of(judged, aa, all, policy, options.noise());
    notes.addAll(calibration.notes());
    return new Verdict(Verdict.VERSION, decision, Headline.of(decision, checks, invalid),
        new Verdict.Inputs(options.runs().stream().map(Path::toString).toList(), options.baseline(),
            options.candidate(), options.noise(), policy.version(), policy.digest(), inputs.digests(digests),
            invalid.isEmpty()),
        summaries(checks), checks, calibration.verdict(),
        new Verdict.Charts(Charts.distributions(judged, inputs.targets()), allSeries(usage)), notes);
  }

  /**
   * Each endpoint's latency checks ({@link LatencyJudge}, null when it has too few pairs) and A/A
   * bootstrap ({@link Calibration#shift}), in {@code judged}'s order. They stand alone, so they run
   * on every core, as one batch with the largest first: the pooled {@code (all)}'s two take as long as
   * all the endpoints' together, and left last, as they come in {@code judged}, one core would work
   * through them alone while the other had nothing left to take.
   */
  private void bootstrap(List<EndpointTally> judged, List<LatencyJudge.Judged> latency,
      List<Optional<PercentileShift>> aa) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < judged.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingLong((Integer i) -> judged.get(i).pairs).reversed());
    List<Integer> tasks = new ArrayList<>();
    for (int i : order) {
      tasks.add(i);
      tasks.add(judged.size() + i);
    }
    Object[] done = new Object[2 * judged.size()];
    tasks.parallelStream().forEach(task -> {
      if (task < judged.size()) {
        EndpointTally t = judged.get(task);
        GatePolicy.Rules r = t == all ? policy.defaults() : rules(t.endpoint);
        done[task] = t.pairs < r.minSamples() ? null : LatencyJudge.judge(t, r, policy.confidence());
      } else {
        done[task] = Calibration.shift(judged.get(task - judged.size()), policy, options.noise());
      }
    });
    for (int i = 0; i < judged.size(); i++) {
      latency.add((LatencyJudge.Judged) done[i]);
      @SuppressWarnings("unchecked")
      Optional<PercentileShift> shift = (Optional<PercentileShift>) done[judged.size() + i];
      aa.add(shift);
    }
  }

  private List<Verdict.Series> allSeries(List<ResourceJudge.Usage> usage) {
    List<Verdict.Series> out = new ArrayList<>(series.series());
    out.addAll(ResourceJudge.series(usage, inputs.manifests().get(0).t0EpochNanos()));
    return out;
  }

  /** The dependency-call checks, when the baseline and the candidate both have a call log. */
  private List<Draft> callDrafts() throws IOException {
    CallJudge.Measured measured = CallJudge.Measured.of(inputs, warmupTraces);
    CallJudge.Calls b = CallJudge.read(inputs.dirs(), options.baseline(), measured);
    CallJudge.Calls c = CallJudge.read(inputs.dirs(), options.candidate(), measured);
    if (b == null || c == null) {
      return List.of();
    }
    return CallJudge.judge(b, c, options.noise().isEmpty() ? null
        : CallJudge.read(inputs.dirs(), options.noise(), measured));
  }

  /** Each compared target's resource samples (from the first run directory that has them) and requests. */
  private List<ResourceJudge.Usage> usage() throws IOException {
    List<ResourceJudge.Usage> out = new ArrayList<>();
    for (String t : inputs.targets()) {
      List<ResourceSample> samples = List.of();
      for (RunDirectory dir : inputs.dirs()) {
        samples = ResourceLog.read(dir.resources(t));
        if (!samples.isEmpty()) {
          break;
        }
      }
      long requests = inputs.manifests().stream().flatMap(m -> m.targets().stream())
          .filter(x -> x.name().equals(t)).mapToLong(RunManifest.Target::requests).sum();
      out.add(new ResourceJudge.Usage(t, samples, requests));
    }
    return out;
  }

  private static Draft tooFew(EndpointTally t, GatePolicy.Rules r) {
    Verdict.Measure none = new Verdict.Measure(Double.NaN, Double.NaN, Double.NaN, "", "");
    Verdict.Check c = new Verdict.Check(t.endpoint, "samples", "paired requests", Decision.INCONCLUSIVE, none,
        new Verdict.Measure(t.pairs, Double.NaN, Double.NaN, "count", Long.toString(t.pairs)), null, null,
        "at least " + r.minSamples(), Double.NaN, Double.NaN, t.pairs, List.of(),
        t.endpoint + " has " + t.pairs + " paired requests, fewer than the " + r.minSamples()
            + " the policy needs to judge it.",
        "Replay longer (--duration, --loop) or lower minSamples for " + t.endpoint + " in the gate policy.");
    return new Draft(c, Double.NaN, false, Decision.INCONCLUSIVE);
  }

  /** Benjamini–Hochberg over every tested check, then each check's decision. */
  private List<Verdict.Check> adjust(List<Draft> drafts) {
    List<Integer> tested = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      Draft d = drafts.get(i);
      if (d.decided() == null && !Double.isNaN(d.pValue())) {
        tested.add(i);
      }
    }
    double[] p = tested.stream().mapToDouble(i -> drafts.get(i).pValue()).toArray();
    double[] q = p.length == 0 ? p : MultipleTesting.benjaminiHochberg(p);
    double[] qs = new double[drafts.size()];
    java.util.Arrays.fill(qs, Double.NaN);
    for (int k = 0; k < tested.size(); k++) {
      qs[tested.get(k)] = q[k];
    }
    List<Verdict.Check> out = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      out.add(drafts.get(i).finish(qs[i], policy.falseDiscoveryRate(), p.length));
    }
    out.sort(Comparator.comparingInt((Verdict.Check c) -> rank(c.decision())).thenComparing(Verdict.Check::endpoint)
        .thenComparing(Verdict.Check::category).thenComparing(Verdict.Check::name));
    return out;
  }

  private static int rank(Decision d) {
    return switch (d) {
      case FAIL -> 0;
      case INCONCLUSIVE -> 1;
      case PASS -> 2;
    };
  }

  private List<Verdict.EndpointSummary> summaries(List<Verdict.Check> checks) {
    List<Verdict.EndpointSummary> out = new ArrayList<>();
    List<EndpointTally> listed = sortedEndpoints();
    listed.add(all);
    for (EndpointTally t : listed) {
      List<Verdict.Check> mine = checks.stream().filter(c -> c.endpoint().equals(t.endpoint)).toList();
      Decision d = mine.stream().map(Verdict.Check::decision).reduce(Decision.PASS, Decision::worst);
      out.add(new Verdict.EndpointSummary(t.endpoint, d, t.pairs, mine.stream()
          .filter(c -> c.decision() == Decision.FAIL).map(c -> c.category() + " " + c.name()).toList()));
    }
    return out;
  }

  private static long span(RunManifest m) {
    try {
      return Math.max(0, Instant.parse(m.endedAt()).toEpochMilli() * 1_000_000L - m.t0EpochNanos());
    } catch (DateTimeParseException | NullPointerException e) {
      return 0;
    }
  }
}
