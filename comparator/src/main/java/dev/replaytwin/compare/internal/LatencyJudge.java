package dev.replaytwin.compare.internal;

import dev.replaytwin.compare.Decision;
import dev.replaytwin.compare.GatePolicy;
import dev.replaytwin.compare.Verdict;
import dev.replaytwin.compare.stats.DetectableChange;
import dev.replaytwin.compare.stats.Interval;
import dev.replaytwin.compare.stats.LongSort;
import dev.replaytwin.compare.stats.PairedQuantileBootstrap;
import dev.replaytwin.compare.stats.PercentileShift;
import dev.replaytwin.compare.stats.QuantileBootstrap;
import dev.replaytwin.compare.stats.StandardNormal;
import dev.replaytwin.compare.stats.WilcoxonResult;
import dev.replaytwin.compare.stats.WilcoxonSignedRank;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Latency checks of one endpoint: each policy percentile compared on the paired requests (paired
 * bootstrap of the percentile's difference and ratio), with the Wilcoxon signed-rank test on the
 * per-request differences as a check of its own ("latency shift").
 *
 * <p>A percentile's p-value tests "the increase is within the allowance" with the bootstrap's
 * standard error (the interval's half-width over its normal quantile): it has to be small for both
 * the absolute and the relative increase (an intersection-union test, so the larger p counts). A
 * percentile with fewer than {@value DetectableChange#MIN_TAIL_SAMPLES} requests beyond it is not
 * checked: its interval would be too narrow to trust.
 */
final class LatencyJudge {
  private static final double MS = 1e6;

  private LatencyJudge() {}

  /** One endpoint's latency drafts, and the notes they leave. */
  record Judged(List<Draft> drafts, List<String> notes) {}

  static Judged judge(EndpointTally t, GatePolicy.Rules rules, double confidence) {
    List<String> notes = new ArrayList<>();
    return new Judged(judge(t, rules, confidence, notes), notes);
  }

  static List<Draft> judge(EndpointTally t, GatePolicy.Rules rules, double confidence, List<String> notes) {
    List<Draft> out = new ArrayList<>();
    long[] base = t.baselineLatency.toArray();
    long[] cand = t.candidateLatency.toArray();
    if (base.length == 0) {
      return out;
    }
    GatePolicy.Allowance allow = rules.effectiveLatency();
    PairedQuantileBootstrap bootstrap = new PairedQuantileBootstrap(t.latencyCells);
    long[] noise = t.aaNoise.toArray();
    LongSort.sort(noise);
    List<Double> skipped = new ArrayList<>();
    for (double p : rules.percentiles()) {
      long tail = (long) Math.floor(base.length * (1 - p / 100));
      if (p < 100 && tail < DetectableChange.MIN_TAIL_SAMPLES) {
        skipped.add(p);
        continue;
      }
      PercentileShift s = bootstrap.shift(p, QuantileBootstrap.DEFAULT_RESAMPLES, confidence);
      out.add(percentileDraft(t, s, allow, confidence, noise));
    }
    if (!skipped.isEmpty()) {
      notes.add(t.endpoint + ": " + skipped.stream().map(LatencyJudge::name).toList() + " not checked: "
          + base.length + " paired requests leave fewer than " + DetectableChange.MIN_TAIL_SAMPLES
          + " beyond them");
    }
    out.add(shiftDraft(t, base, cand, allow));
    return out;
  }

  private static Draft percentileDraft(EndpointTally t, PercentileShift s, GatePolicy.Allowance allow,
      double confidence, long[] sortedNoise) {
    Interval diffMs = scale(s.difference(), 1 / MS);
    Interval rel = s.relativeChange();
    boolean beyond = allow.exceededBy(diffMs.estimate(), rel.estimate());
    double z = StandardNormal.quantile(0.5 + confidence / 2);
    double p = beyond ? Math.max(upperTail(diffMs, allow.absoluteMillis(), z), upperTail(rel, allow.relative(), z))
        : 1;
    String name = name(s.percentile());
    Verdict.Measure b = new Verdict.Measure(s.baseline() / MS, Double.NaN, Double.NaN, "ms", ms(s.baseline() / MS));
    Verdict.Measure c = new Verdict.Measure(s.candidate() / MS, Double.NaN, Double.NaN, "ms", ms(s.candidate() / MS));
    Verdict.Effect effect = new Verdict.Effect(diffMs.estimate(), diffMs.lower(), diffMs.upper(), "ms",
        rel.estimate(), rel.lower(), rel.upper());
    String explanation = String.format(Locale.ROOT, "%s of %s %s %.1f%% (%s ms, %.0f%% CI %+.1f%%..%+.1f%%):"
        + " baseline %s ms, candidate %s ms, over %d paired requests.", name, t.endpoint,
        rel.estimate() >= 0 ? "rose" : "fell", Math.abs(rel.estimate() * 100), signed(diffMs.estimate()),
        confidence * 100, rel.lower() * 100, rel.upper() * 100, ms(s.baseline() / MS), ms(s.candidate() / MS),
        s.pairs());
    String next = String.format(Locale.ROOT, "Look at the slowest %s requests of %s in the candidate (outcomes"
        + " with the largest latencyNs) and at what they have in common.", name, t.endpoint);
    Verdict.Measure noise = null;
    if (sortedNoise.length > 0) {
      int rank = (int) Math.min(sortedNoise.length - 1, Math.ceil(s.percentile() / 100 * sortedNoise.length) - 1);
      double v = sortedNoise[Math.max(0, rank)] / MS;
      noise = new Verdict.Measure(v, Double.NaN, Double.NaN, "ms", ms(v));
    }
    Verdict.Check check = new Verdict.Check(t.endpoint, "latency", name, Decision.PASS, b, c, noise, effect,
        allow.toString(), p, Double.NaN, s.pairs(), List.of(), explanation, next);
    return new Draft(check, p, beyond, null);
  }

  /** The Wilcoxon signed-rank test: is the candidate slower on the same requests, beyond the allowance? */
  private static Draft shiftDraft(EndpointTally t, long[] base, long[] cand, GatePolicy.Allowance allow) {
    WilcoxonResult w = WilcoxonSignedRank.test(base, cand);
    long[] sortedBase = base.clone();
    LongSort.sort(sortedBase);
    double medianBase = sortedBase[sortedBase.length / 2] / MS;
    double shiftMs = w.medianDifference() / MS;
    double rel = medianBase > 0 ? shiftMs / medianBase : 0;
    boolean beyond = allow.exceededBy(shiftMs, rel);
    String explanation = String.format(Locale.ROOT, "The candidate was %s on the same requests by a median of %s ms"
        + " (%+.1f%% of the baseline's median %s ms; Wilcoxon signed-rank one-sided p %s over %d pairs).",
        shiftMs >= 0 ? "slower" : "faster", signed(shiftMs), rel * 100, ms(medianBase),
        ErrorJudge.pText(w.candidateGreater()), w.n());
    Verdict.Measure b = new Verdict.Measure(medianBase, Double.NaN, Double.NaN, "ms", ms(medianBase));
    Verdict.Measure c = new Verdict.Measure(medianBase + shiftMs, Double.NaN, Double.NaN, "ms",
        ms(medianBase + shiftMs));
    Verdict.Effect effect = new Verdict.Effect(shiftMs, Double.NaN, Double.NaN, "ms", rel, Double.NaN, Double.NaN);
    Verdict.Check check = new Verdict.Check(t.endpoint, "latency", "shift", Decision.PASS, b, c, null, effect,
        allow.toString(), w.candidateGreater(), Double.NaN, base.length, List.of(), explanation,
        "Most requests of " + t.endpoint + " got slower, not only the tail: profile the candidate's common path.");
    return new Draft(check, beyond ? w.candidateGreater() : 1, beyond, null);
  }

  /** One-sided p that the quantity is not above {@code limit}, from an interval at normal quantile {@code z}. */
  private static double upperTail(Interval i, double limit, double z) {
    double se = (i.upper() - i.lower()) / (2 * z);
    if (!(se > 0)) {
      return i.estimate() > limit ? 0 : 1;
    }
    return StandardNormal.sf((i.estimate() - limit) / se);
  }

  static String name(double percentile) {
    if (percentile == 100) {
      return "max";
    }
    return "p" + (percentile == Math.rint(percentile) ? Long.toString((long) percentile) : Double.toString(percentile));
  }

  private static Interval scale(Interval i, double f) {
    return new Interval(i.estimate() * f, i.lower() * f, i.upper() * f);
  }

  static String ms(double v) {
    return String.format(Locale.ROOT, v >= 100 ? "%.0f" : v >= 10 ? "%.1f" : "%.2f", v);
  }

  private static String signed(double v) {
    return (v >= 0 ? "+" : "-") + ms(Math.abs(v));
  }
}
