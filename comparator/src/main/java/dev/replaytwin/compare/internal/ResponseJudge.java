package dev.replaytwin.compare.internal;

import dev.replaytwin.compare.Decision;
import dev.replaytwin.compare.GatePolicy;
import dev.replaytwin.compare.Verdict;
import dev.replaytwin.compare.diff.Classification;
import dev.replaytwin.compare.diff.EndpointReport;
import dev.replaytwin.compare.diff.Example;
import dev.replaytwin.compare.diff.FieldReport;
import dev.replaytwin.compare.stats.ExactTests;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Response checks: one per field that differed between baseline and candidate. With a second
 * baseline, a field that differs about as often between the two baselines is noise (PASS); one that
 * differs more often is tested with Fisher's exact test (candidate pairs against baseline pairs)
 * and fails when significant and more frequent than the policy allows. Without a second baseline
 * there is no noise to measure, so a field that differs more often than allowed fails outright.
 */
final class ResponseJudge {
  private ResponseJudge() {}

  static List<Draft> judge(EndpointReport report, Function<String, GatePolicy.Rules> rulesOf) {
    List<Draft> out = new ArrayList<>();
    GatePolicy.Rules rules = rulesOf.apply(report.endpoint());
    double allowance = rules.effectiveResponseDiffRate();
    for (FieldReport f : report.fields()) {
      if (f.classification() == Classification.IGNORED) {
        continue;
      }
      out.add(draft(report.endpoint(), f, allowance));
    }
    return out;
  }

  private static Draft draft(String endpoint, FieldReport f, double allowance) {
    String name = f.field() + " " + f.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    double raw = f.rawRate();
    boolean noise = f.noiseMeasured();
    double floor = noise ? f.noiseRate() : 0;
    List<Verdict.Example> examples = f.rawExamples().stream().map(ResponseJudge::example).toList();
    Verdict.Measure base = new Verdict.Measure(0, Double.NaN, Double.NaN, "%", "the reference");
    Verdict.Measure floorMeasure = noise ? new Verdict.Measure(floor * 100, Double.NaN, Double.NaN, "%",
        ErrorJudge.pct(floor) + " of " + f.noisePairs() + " baseline pairs") : null;
    Verdict.Measure cand = new Verdict.Measure(raw * 100, Double.NaN, Double.NaN, "%", ErrorJudge.pct(raw)
        + " of " + f.pairs() + " pairs");
    Verdict.Effect effect = new Verdict.Effect((raw - floor) * 100, Double.NaN, Double.NaN, "points",
        Double.NaN, Double.NaN, Double.NaN);
    String threshold = String.format(Locale.ROOT, "%s of responses beyond the noise", ErrorJudge.pct(allowance));
    String first = examples.isEmpty() ? "" : " (e.g. " + examples.get(0).detail() + ")";
    if (f.classification() == Classification.NOISE) {
      String why = noise ? String.format(Locale.ROOT, "%s differs in %s of baseline–candidate pairs and in %s of"
          + " baseline–baseline pairs: noise, not a change.", f.field(), ErrorJudge.pct(raw), ErrorJudge.pct(floor))
          : String.format(Locale.ROOT, "%s differs in %s of pairs, too rarely to count.", f.field(),
              ErrorJudge.pct(raw));
      Verdict.Check c = new Verdict.Check(endpoint, "responses", name, Decision.PASS, base, cand, floorMeasure, effect,
          threshold, Double.NaN, Double.NaN, f.pairs(), examples, why, "");
      return new Draft(c, Double.NaN, false, Decision.PASS);
    }
    boolean beyond = raw - floor > allowance;
    String explanation = String.format(Locale.ROOT, "%s of %s: %s in %s of paired responses%s%s.", f.field(),
        endpoint, f.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '), ErrorJudge.pct(raw),
        noise ? ", against " + ErrorJudge.pct(floor) + " between the two baselines" : "", first);
    String next = "Check whether the candidate changed " + f.field() + " of " + endpoint
        + " on purpose; if the field is volatile (a timestamp, an id), ignore it in the gate policy"
        + " (responses.ignore) or replay with a second baseline (--noise) to measure it.";
    if (!noise) {
      Verdict.Check c = new Verdict.Check(endpoint, "responses", name, Decision.PASS, base, cand, floorMeasure, effect,
          threshold, Double.NaN, Double.NaN, f.pairs(), examples, explanation, next);
      return new Draft(c, Double.NaN, beyond, beyond ? Decision.FAIL : Decision.PASS);
    }
    double p = ExactTests.fisher(f.rawCount(), f.pairs() - f.rawCount(), f.noiseCount(),
        f.noisePairs() - f.noiseCount()).greater();
    Verdict.Check c = new Verdict.Check(endpoint, "responses", name, Decision.PASS, base, cand, floorMeasure, effect,
        threshold, p, Double.NaN, f.pairs(), examples, explanation, next);
    return new Draft(c, beyond ? p : 1, beyond, null);
  }

  private static Verdict.Example example(Example e) {
    return new Verdict.Example(e.exchangeId(), e.loop(), e.path() + ": " + value(e.left()) + " → " + value(e.right()));
  }

  private static String value(String v) {
    return v == null ? "missing" : v;
  }
}
