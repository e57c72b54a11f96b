package dev.replaytwin.compare.internal;

import dev.replaytwin.compare.Decision;
import dev.replaytwin.compare.GatePolicy;
import dev.replaytwin.compare.Verdict;
import dev.replaytwin.compare.stats.StandardNormal;
import dev.replaytwin.compare.stats.WilcoxonSignedRank;
import dev.replaytwin.core.Nullable;
import dev.replaytwin.core.run.ResourceSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Resource checks over the whole run, from the targets' {@code resources.jsonl} samples: CPU and GC
 * seconds per 1,000 requests, mean and peak resident memory, and how fast resident memory climbs (a
 * leak is a steady slope). Samples are taken at the same ticks for every target, so sample i of one
 * target pairs with sample i of another; CPU and memory are tested with the Wilcoxon signed-rank test
 * on those pairs, the slope with its regression standard error. With a second baseline each
 * allowance is widened to the A/A spread, the noise floor.
 */
final class ResourceJudge {
  static final int MIN_SAMPLES = 5;
  private static final double MIB = 1024.0 * 1024;

  private ResourceJudge() {}

  /** One target's samples and requests. */
  record Usage(String target, List<ResourceSample> samples, long requests) {}

  static List<Draft> judge(Usage base, Usage cand, @Nullable Usage noise, GatePolicy.ResourceRules rules,
      List<String> notes) {
    List<Draft> out = new ArrayList<>();
    if (base.samples().isEmpty() && cand.samples().isEmpty()) {
      return out;
    }
    int n = Math.min(base.samples().size(), cand.samples().size());
    if (n < MIN_SAMPLES) {
      notes.add("resource use not judged: " + n + " paired samples, fewer than " + MIN_SAMPLES
          + " (sample the twins during the whole run)");
      return out;
    }
    @Nullable Usage aa = noise != null && noise.samples().size() >= n ? noise : null;
    boolean cpuKnown = known(base, cand, s -> s.cpuSeconds());
    if (cpuKnown) {
      out.add(rate("cpu per 1k requests", "CPU s", base, cand, aa, n, ResourceSample::cpuSeconds,
          rules.cpuIncrease(), 0));
    }
    if (known(base, cand, s -> s.gcSeconds())) {
      // A service that hardly collects (a few young collections in a run) doubles its GC time by
      // chance: a GC change smaller than a hundredth of the baseline's CPU time is not judged.
      double floor = cpuKnown ? GC_SHARE_OF_CPU * perThousand(base, n, ResourceSample::cpuSeconds) : 0;
      out.add(rate("gc per 1k requests", "GC s", base, cand, aa, n, ResourceSample::gcSeconds, rules.cpuIncrease(),
          floor));
    }
    if (known(base, cand, s -> s.rssBytes())) {
      out.add(level("mean rss", base, cand, aa, n, false, rules.memoryIncrease()));
      out.add(level("peak rss", base, cand, aa, n, true, rules.memoryIncrease()));
      out.add(slope(base, cand, aa, n, rules.rssSlopeMibPerMinute()));
    }
    return out;
  }

  /** The share of the baseline's CPU time below which a change in GC time is not judged. */
  static final double GC_SHARE_OF_CPU = 0.01;

  private interface Field {
    double of(ResourceSample s);
  }

  private static boolean known(Usage a, Usage b, Field f) {
    return a.samples().stream().allMatch(s -> f.of(s) >= 0) && b.samples().stream().allMatch(s -> f.of(s) >= 0);
  }

  /**
   * A cumulative counter per 1,000 requests; paired test on the per-interval increments. Beyond the
   * allowance when the relative change passes it and the absolute change passes {@code minChange}.
   */
  private static Draft rate(String name, String what, Usage base, Usage cand, @Nullable Usage aa, int n, Field f,
      double allowance, double minChange) {
    double b = perThousand(base, n, f);
    double c = perThousand(cand, n, f);
    double rel = b > 0 ? c / b - 1 : 0;
    double floor = aa == null ? 0 : Math.abs(perThousand(aa, n, f) / Math.max(b, 1e-12) - 1);
    double allowed = Math.max(allowance, floor);
    double[] d = new double[n - 1];
    for (int i = 1; i < n; i++) {
      d[i - 1] = (f.of(cand.samples().get(i)) - f.of(cand.samples().get(i - 1)))
          - (f.of(base.samples().get(i)) - f.of(base.samples().get(i - 1)));
    }
    double p = WilcoxonSignedRank.test(d).candidateGreater();
    boolean beyond = rel > allowed && c - b > minChange;
    String explanation = String.format(Locale.ROOT, "The candidate used %.3f %s per 1,000 requests, the baseline %.3f"
        + " (%+.1f%%; Wilcoxon signed-rank over %d paired intervals, one-sided p %s)%s%s.", c, what, b, rel * 100,
        n - 1, ErrorJudge.pText(p), aa == null ? "" : String.format(Locale.ROOT, "; the two baselines differ by"
            + " %.1f%%", floor * 100), minChange > 0 ? String.format(Locale.ROOT, "; changes under %.3f %s (1%% of"
            + " the baseline's CPU time) are not judged", minChange, what) : "");
    Verdict.Check check = new Verdict.Check(Verdict.Check.ALL, "resources", name, Decision.PASS,
        measure(b, what), measure(c, what), aa == null ? null : measure(perThousand(aa, n, f), what),
        new Verdict.Effect(c - b, Double.NaN, Double.NaN, what, rel, Double.NaN, Double.NaN),
        minChange > 0 ? String.format(Locale.ROOT, "+%.0f%% and +%.3f %s", allowed * 100, minChange, what)
            : String.format(Locale.ROOT, "+%.0f%%", allowed * 100), p, Double.NaN, n, List.of(), explanation,
        "Profile the candidate under the same load: it spends more " + what + " per request.");
    return new Draft(check, beyond ? p : 1, beyond, null);
  }

  private static double perThousand(Usage u, int n, Field f) {
    double used = f.of(u.samples().get(n - 1)) - f.of(u.samples().get(0));
    return u.requests() == 0 ? 0 : used / u.requests() * 1000;
  }

  /** Mean or peak resident memory; paired test on the samples. */
  private static Draft level(String name, Usage base, Usage cand, @Nullable Usage aa, int n, boolean peak,
      double allowance) {
    double b = rss(base, n, peak);
    double c = rss(cand, n, peak);
    double rel = b > 0 ? c / b - 1 : 0;
    double floor = aa == null ? 0 : Math.abs(rss(aa, n, peak) / Math.max(b, 1) - 1);
    double allowed = Math.max(allowance, floor);
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = cand.samples().get(i).rssBytes() - (double) base.samples().get(i).rssBytes();
    }
    double p = WilcoxonSignedRank.test(d).candidateGreater();
    boolean beyond = rel > allowed;
    String explanation = String.format(Locale.ROOT, "%s: candidate %.0f MiB, baseline %.0f MiB (%+.1f%%; Wilcoxon"
        + " signed-rank over %d paired samples, one-sided p %s).", name, c / MIB, b / MIB, rel * 100, n,
        ErrorJudge.pText(p));
    Verdict.Check check = new Verdict.Check(Verdict.Check.ALL, "resources", name, Decision.PASS,
        measure(b / MIB, "MiB"), measure(c / MIB, "MiB"), aa == null ? null : measure(rss(aa, n, peak) / MIB, "MiB"),
        new Verdict.Effect((c - b) / MIB, Double.NaN, Double.NaN, "MiB", rel, Double.NaN, Double.NaN),
        String.format(Locale.ROOT, "+%.0f%%", allowed * 100), p, Double.NaN, n, List.of(), explanation,
        "Compare heap or memory profiles of the two releases under the same load.");
    return new Draft(check, beyond ? p : 1, beyond, null);
  }

  private static double rss(Usage u, int n, boolean peak) {
    double acc = 0;
    for (int i = 0; i < n; i++) {
      long v = u.samples().get(i).rssBytes();
      acc = peak ? Math.max(acc, v) : acc + v;
    }
    return peak ? acc : acc / n;
  }

  /** Least-squares slope of RSS over time, MiB a minute, with its standard error. */
  private record Slope(double perMinute, double se) {}

  private static Slope fit(Usage u, int n) {
    long t0 = u.samples().get(0).epochNanos();
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += (u.samples().get(i).epochNanos() - t0) / 60e9;
      my += u.samples().get(i).rssBytes() / MIB;
    }
    mx /= n;
    my /= n;
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < n; i++) {
      double x = (u.samples().get(i).epochNanos() - t0) / 60e9 - mx;
      sxx += x * x;
      sxy += x * (u.samples().get(i).rssBytes() / MIB - my);
    }
    if (sxx == 0) {
      return new Slope(0, 0);
    }
    double slope = sxy / sxx;
    double sse = 0;
    for (int i = 0; i < n; i++) {
      double x = (u.samples().get(i).epochNanos() - t0) / 60e9;
      double r = u.samples().get(i).rssBytes() / MIB - (my + slope * (x - mx));
      sse += r * r;
    }
    return new Slope(slope, Math.sqrt(sse / Math.max(1, n - 2) / sxx));
  }

  private static Draft slope(Usage base, Usage cand, @Nullable Usage aa, int n, double allowance) {
    Slope b = fit(base, n);
    Slope c = fit(cand, n);
    double floor = aa == null ? 0 : Math.abs(fit(aa, n).perMinute() - b.perMinute());
    double allowed = Math.max(allowance, floor);
    double diff = c.perMinute() - b.perMinute();
    double se = Math.sqrt(b.se() * b.se() + c.se() * c.se());
    double p = se > 0 ? StandardNormal.sf((diff - allowed) / se) : diff > allowed ? 0 : 1;
    boolean beyond = diff > allowed;
    String explanation = String.format(Locale.ROOT, "Resident memory climbed %.2f MiB a minute on the candidate and"
        + " %.2f on the baseline (difference %+.2f ± %.2f MiB/min, one-sided p %s that it is within the allowance)%s.",
        c.perMinute(), b.perMinute(), diff, 1.96 * se, ErrorJudge.pText(p),
        beyond ? ": a steady climb, the shape of a leak" : "");
    Verdict.Check check = new Verdict.Check(Verdict.Check.ALL, "resources", "rss slope", Decision.PASS,
        measure(b.perMinute(), "MiB/min"), measure(c.perMinute(), "MiB/min"),
        aa == null ? null : measure(fit(aa, n).perMinute(), "MiB/min"),
        new Verdict.Effect(diff, diff - 1.96 * se, diff + 1.96 * se, "MiB/min", Double.NaN, Double.NaN, Double.NaN),
        String.format(Locale.ROOT, "+%.2f MiB/min", allowed), p, Double.NaN, n, List.of(), explanation,
        "Replay longer (--loop) and take heap dumps of the candidate a few minutes apart: what grows?");
    return new Draft(check, beyond ? p : 1, beyond, null);
  }

  private static Verdict.Measure measure(double v, String unit) {
    return new Verdict.Measure(v, Double.NaN, Double.NaN, unit, String.format(Locale.ROOT, "%.3g %s", v, unit));
  }

  /** RSS (MiB) and CPU (share of one core, %) over the run, for the report. */
  static List<Verdict.Series> series(List<Usage> usages, long t0EpochNanos) {
    List<Verdict.Series> out = new ArrayList<>();
    for (Usage u : usages) {
      List<ResourceSample> s = u.samples();
      if (s.isEmpty()) {
        continue;
      }
      List<Double> at = new ArrayList<>();
      List<Double> rss = new ArrayList<>();
      List<Double> cpu = new ArrayList<>();
      for (int i = 0; i < s.size(); i++) {
        at.add((s.get(i).epochNanos() - t0EpochNanos) / 1e9);
        rss.add(s.get(i).rssBytes() < 0 ? Double.NaN : s.get(i).rssBytes() / MIB);
        double dt = i == 0 ? 0 : (s.get(i).epochNanos() - s.get(i - 1).epochNanos()) / 1e9;
        cpu.add(i == 0 || dt <= 0 || s.get(i).cpuSeconds() < 0 ? Double.NaN
            : 100 * (s.get(i).cpuSeconds() - s.get(i - 1).cpuSeconds()) / dt);
      }
      out.add(new Verdict.Series(u.target(), "rss", "MiB", at, rss));
      out.add(new Verdict.Series(u.target(), "cpu", "%", at, cpu));
    }
    return out;
  }
}
