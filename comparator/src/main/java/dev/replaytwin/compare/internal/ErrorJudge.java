package dev.replaytwin.compare.internal;

import dev.replaytwin.compare.Decision;
import dev.replaytwin.compare.GatePolicy;
import dev.replaytwin.compare.Verdict;
import dev.replaytwin.compare.stats.ExactTests;
import dev.replaytwin.compare.stats.Interval;
import dev.replaytwin.compare.stats.McNemarResult;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The failure check of one endpoint: requests that got a 5xx or no response. Targets are paired,
 * so the evidence is the exact McNemar test on the requests only one of them failed; the effect is
 * the change of the failure rate, which must also be past the policy's allowance to fail.
 */
final class ErrorJudge {
  private ErrorJudge() {}

  static Draft judge(EndpointTally t, GatePolicy.Rules rules, double confidence) {
    long n = t.pairs;
    double baseRate = (double) t.baselineFailed / n;
    double candRate = (double) t.candidateFailed / n;
    double increase = (double) (t.candidateOnly - t.baselineOnly) / n;
    double allowance = rules.effectiveErrorRateIncrease();
    McNemarResult m = ExactTests.mcNemar(t.candidateOnly, t.baselineOnly);
    boolean beyond = increase > allowance;
    Interval b = ExactTests.wilson(t.baselineFailed, n, confidence);
    Interval c = ExactTests.wilson(t.candidateFailed, n, confidence);
    String kinds = t.candidateFailures.entrySet().stream().map(e -> e.getKey() + " ×" + e.getValue())
        .collect(Collectors.joining(", "));
    String explanation = String.format(Locale.ROOT, "%s failed %s of requests on the candidate and %s on the baseline"
        + " (%d failed on the candidate only, %d on the baseline only, of %d pairs; exact McNemar one-sided p %s)%s.",
        t.endpoint, pct(candRate), pct(baseRate), t.candidateOnly, t.baselineOnly, n, pText(m.candidateWorse()),
        kinds.isEmpty() ? "" : "; the candidate's failures: " + kinds);
    List<Verdict.Example> examples = t.examples();
    String next = examples.isEmpty() ? "" : String.format(Locale.ROOT, "%s of %s got %s where the baseline succeeded:"
        + " see exchanges %s.", pct((double) t.candidateOnly / n), t.endpoint,
        examples.get(0).detail().replaceFirst("^baseline [^,]*, candidate ", ""),
        examples.stream().map(Verdict.Example::exchangeId).collect(Collectors.joining(", ")));
    Verdict.Measure noise = null;
    if (t.aaPairs > 0) {
      double noiseRate = (double) t.noiseFailed / t.aaPairs;
      Interval ni = ExactTests.wilson(t.noiseFailed, t.aaPairs, confidence);
      noise = new Verdict.Measure(noiseRate * 100, ni.lower() * 100, ni.upper() * 100, "%", pct(noiseRate));
    }
    Verdict.Check check = new Verdict.Check(t.endpoint, "errors", "failed requests", Decision.PASS,
        new Verdict.Measure(baseRate * 100, b.lower() * 100, b.upper() * 100, "%", pct(baseRate)),
        new Verdict.Measure(candRate * 100, c.lower() * 100, c.upper() * 100, "%", pct(candRate)), noise,
        new Verdict.Effect(increase * 100, Double.NaN, Double.NaN, "points", baseRate > 0 ? candRate / baseRate - 1
            : Double.NaN, Double.NaN, Double.NaN),
        String.format(Locale.ROOT, "+%s points", trim(allowance * 100)), m.candidateWorse(), Double.NaN, n, examples,
        explanation, next);
    return new Draft(check, beyond ? m.candidateWorse() : 1, beyond, null);
  }

  /** {@code = 0.0123}, or {@code < 1e-300} where the p-value underflows. */
  static String pText(double p) {
    return p < 1e-300 ? "< 1e-300" : String.format(Locale.ROOT, "= %.3g", p);
  }

  static String pct(double share) {
    double v = share * 100;
    return String.format(Locale.ROOT, v == 0 ? "0%%" : v < 0.1 ? "%.3f%%" : v < 10 ? "%.2f%%" : "%.1f%%", v);
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3g", v);
  }
}
