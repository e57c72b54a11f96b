package dev.replaytwin.compare.report;

import dev.replaytwin.compare.Decision;
import dev.replaytwin.compare.Verdict;
import dev.replaytwin.compare.Verdict.Calibration;
import dev.replaytwin.compare.Verdict.Charts;
import dev.replaytwin.compare.Verdict.Check;
import dev.replaytwin.compare.Verdict.Distribution;
import dev.replaytwin.compare.Verdict.Effect;
import dev.replaytwin.compare.Verdict.EndpointSummary;
import dev.replaytwin.compare.Verdict.Example;
import dev.replaytwin.compare.Verdict.Inputs;
import dev.replaytwin.compare.Verdict.Measure;
import dev.replaytwin.compare.Verdict.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Verdicts of every shape the reports must render, built the way the comparator would build them. */
final class VerdictFixtures {
  static final String BASELINE = "blue";
  static final String CANDIDATE = "green";
  static final String NOISE = "blue-2";
  static final String SEARCH = "GET /search";
  static final String CHECKOUT = "POST /checkout";
  static final String ITEMS = "GET /items/{id}";
  static final String FAIL_HEADLINE =
      "FAIL: 3 of 8 checks failed: p99 of GET /search rose 38%; POST /checkout got 2.1% more 5xx";
  static final List<Double> PERCENTILES = List.of(0.0, 50.0, 90.0, 99.0, 99.9, 99.99, 99.999, 100.0);

  private VerdictFixtures() {}

  static Measure ms(double value, double low, double high) {
    return new Measure(value, low, high, "ms", "");
  }

  static Measure percent(double value) {
    return new Measure(value, Double.NaN, Double.NaN, "%", "");
  }

  static Measure text(String text) {
    return new Measure(Double.NaN, Double.NaN, Double.NaN, "", text);
  }

  static Check check(String endpoint, String category, String name, Decision decision, Measure baseline,
      Measure candidate, Measure noise, Effect effect, List<Example> examples, String explanation,
      String nextStep) {
    return new Check(endpoint, category, name, decision, baseline, candidate, noise, effect, "+10% and +5 ms",
        decision == Decision.PASS ? 0.41 : 0.0004, decision == Decision.PASS ? 0.6 : 0.003, 12_000, examples,
        explanation, nextStep);
  }

  /** Three failing checks, one inconclusive, four passing; with or without the A/A noise target. */
  static Verdict fail(boolean withNoise) {
    Measure noise = withNoise ? ms(121, 117, 125) : null;
    List<Check> checks = List.of(
        check(SEARCH, "latency", "p99", Decision.FAIL, ms(120, 115, 125), ms(166, 160, 172), noise,
            new Effect(46, 40, 52, "ms", 0.38, 0.33, 0.43),
            List.of(new Example("ex-search-1", 0, "166 ms against 119 ms"), new Example("ex-search-2", 1, "201 ms")),
            "p99 of GET /search rose 38% (46 ms), well beyond the noise floor.",
            "Profile GET /search on the candidate; compare ex-search-1 on both targets."),
        check(CHECKOUT, "errors", "5xx rate", Decision.FAIL, percent(0.1), percent(2.2),
            withNoise ? percent(0.1) : null, new Effect(2.1, 1.6, 2.6, "%", 21, Double.NaN, Double.NaN),
            List.of(new Example("ex-checkout-9", 0, "baseline 200, candidate 500")),
            "POST /checkout answered 500 to 2.1% more requests.", "Read the candidate's logs for ex-checkout-9."),
        check(SEARCH, "responses", "$.items[*].price", Decision.FAIL, text("differs in 0.0% of responses"),
            text("differs in 4.0% of responses"), withNoise ? text("differs in 0.0% of responses") : null, null,
            List.of(new Example("ex-search-7", 0, "$.items[0].price: 12.5 → missing")),
            "The candidate drops price from some search results.", "Check the price serializer."),
        check(ITEMS, "latency", "p99", Decision.INCONCLUSIVE, ms(40, 20, 90), ms(44, 18, 120), noise,
            new Effect(4, -30, 60, "ms", 0.1, -0.5, 1.2), List.of(),
            "Only 80 paired requests: the interval is too wide to judge p99.", "Replay a longer capture."),
        check(SEARCH, "latency", "p50", Decision.PASS, ms(30, 29, 31), ms(31, 30, 32), noise,
            new Effect(1, 0, 2, "ms", 0.03, 0, 0.06), List.of(), "Within the threshold.", ""),
        check(CHECKOUT, "latency", "p99", Decision.PASS, ms(200, 190, 210), ms(204, 195, 214), noise,
            new Effect(4, -5, 13, "ms", 0.02, -0.03, 0.07), List.of(), "Within the threshold.", ""),
        check(CHECKOUT, "responses", "header:cache-control", Decision.PASS, text("no-store"), text("no-store"),
            null, null, List.of(), "Same on both.", ""),
        check(Check.ALL, "resources", "rss slope", Decision.PASS, new Measure(0.1, 0, 0.2, "MiB/min", ""),
            new Measure(0.12, 0.02, 0.22, "MiB/min", ""), null, null, List.of(), "No leak trend.", ""));
    List<EndpointSummary> endpoints = List.of(
        new EndpointSummary(SEARCH, Decision.FAIL, 12_000, List.of("latency p99", "responses $.items[*].price")),
        new EndpointSummary(CHECKOUT, Decision.FAIL, 3_100, List.of("errors 5xx rate")),
        new EndpointSummary(ITEMS, Decision.INCONCLUSIVE, 80, List.of()));
    List<String> targets = withNoise ? List.of(BASELINE, CANDIDATE, NOISE) : List.of(BASELINE, CANDIDATE);
    return new Verdict(Verdict.VERSION, Decision.FAIL, FAIL_HEADLINE, inputs(withNoise, true), endpoints, checks,
        new Calibration(withNoise ? NOISE : "", Map.of(SEARCH, 0.12, CHECKOUT, 0.2, ITEMS, Double.NaN),
            "This run could detect a p99 change of 12% on GET /search."),
        charts(targets, List.of(Check.ALL, SEARCH, CHECKOUT, ITEMS)), List.of());
  }

  /** Everything passed, no noise target. */
  static Verdict pass() {
    List<Check> checks = List.of(
        check(SEARCH, "latency", "p99", Decision.PASS, ms(120, 115, 125), ms(121, 116, 126), null,
            new Effect(1, -3, 5, "ms", 0.01, -0.02, 0.04), List.of(), "Within the threshold.", ""),
        check(SEARCH, "errors", "5xx rate", Decision.PASS, percent(0.1), percent(0.1), null,
            new Effect(0, -0.1, 0.1, "%", 0, Double.NaN, Double.NaN), List.of(), "Unchanged.", ""));
    return new Verdict(Verdict.VERSION, Decision.PASS, "PASS: all 2 checks passed", inputs(false, true),
        List.of(new EndpointSummary(SEARCH, Decision.PASS, 5_000, List.of())), checks,
        new Calibration("", Map.of(SEARCH, 0.15), "This run could detect a p99 change of 15%."),
        charts(List.of(BASELINE, CANDIDATE), List.of(Check.ALL, SEARCH)), List.of());
  }

  /** The replay was not valid: no checks were judged, nothing was charted. */
  static Verdict inconclusiveWithEmptyCharts() {
    return new Verdict(Verdict.VERSION, Decision.INCONCLUSIVE,
        "INCONCLUSIVE: the replay was not valid, nothing was judged", inputs(true, false),
        List.of(new EndpointSummary(SEARCH, Decision.INCONCLUSIVE, 0, List.of())), List.of(),
        new Calibration(NOISE, Map.of(), ""),
        new Charts(List.of(new Distribution(BASELINE, SEARCH, List.of(), List.of())),
            List.of(new Series(CANDIDATE, "latency p99", "ms", List.of(), List.of()))),
        List.of("The replayer fell 2.3 s behind its schedule; latencies measure the replayer, not the twins."));
  }

  /** Run-provided text built to break every format: markup, pipes, backticks, control characters. */
  static Verdict hostile() {
    String endpoint = "GET /<script>alert('ep')</script>|`x`";
    String field = "$.name";
    Measure evil = text("<script>alert(\"field\")</script> | `code` \u0000\u0007\u001b end");
    Check c = new Check(endpoint, "responses", field, Decision.FAIL, text("\"quoted\" & <b>bold</b>"), evil, null,
        null, "<10% & >5 ms", Double.NaN, Double.NaN, 3,
        List.of(new Example("id-<img src=x onerror=alert(1)>", 0, "a|b `c` \u0001")),
        "Field changed: <script>alert('explanation')</script>\u0008", "Look at ]]> and --> and <!--");
    Check skipped = new Check(endpoint, "latency", "p99 <&>", Decision.INCONCLUSIVE, ms(1, 0, 2), ms(1, 0, 2), null,
        null, "", Double.NaN, Double.NaN, 1, List.of(), "too few\u000b samples", "");
    return new Verdict(Verdict.VERSION, Decision.FAIL, "FAIL: <script>alert('headline')</script>",
        new Inputs(List.of("/runs/<x>"), "base<", "cand>", "", "default", "", Map.of("run.json", "sha256:<>"), true),
        List.of(new EndpointSummary(endpoint, Decision.FAIL, 3, List.of("responses " + field))), List.of(c, skipped),
        new Calibration("", Map.of(), "<i>calibration</i>"),
        new Charts(List.of(new Distribution("base<", endpoint, PERCENTILES, millis(10)),
            new Distribution("cand>", endpoint, PERCENTILES, millis(12))), List.of()),
        List.of("<script>alert('note')</script>"));
  }

  static Inputs inputs(boolean withNoise, boolean replayValid) {
    return new Inputs(List.of("/runs/2025-11-21T10-00"), BASELINE, CANDIDATE, withNoise ? NOISE : "", "gate-v3",
        "sha256:aa11", Map.of("run.json", "sha256:bb22", "targets/blue/latency.hlog", "sha256:cc33"), replayValid);
  }

  static List<Double> millis(double median) {
    return List.of(median * 0.2, median, median * 1.8, median * 3, median * 4.5, median * 6, median * 7,
        median * 7.5);
  }

  /** A distribution per target and endpoint, and latency p99, error rate, rss and cpu per target. */
  static Charts charts(List<String> targets, List<String> endpoints) {
    List<Distribution> distributions = new ArrayList<>();
    List<Series> series = new ArrayList<>();
    List<Double> seconds = new ArrayList<>();
    for (int s = 0; s <= 300; s += 10) {
      seconds.add((double) s);
    }
    for (int t = 0; t < targets.size(); t++) {
      String target = targets.get(t);
      double slower = target.equals(CANDIDATE) ? 1.4 : 1 + t * 0.02;
      for (int e = 0; e < endpoints.size(); e++) {
        distributions.add(new Distribution(target, endpoints.get(e), PERCENTILES, millis((20 + 10 * e) * slower)));
      }
      List<Double> p99 = new ArrayList<>();
      List<Double> errors = new ArrayList<>();
      List<Double> rss = new ArrayList<>();
      List<Double> cpu = new ArrayList<>();
      for (int i = 0; i < seconds.size(); i++) {
        p99.add(i == 5 ? Double.NaN : 100 * slower + 10 * Math.sin(i / 3.0));
        errors.add(target.equals(CANDIDATE) ? 2.0 + (i % 3) * 0.1 : 0.1);
        rss.add(300 + i * (target.equals(CANDIDATE) ? 1.5 : 0.2));
        cpu.add(40 * slower + (i % 4));
      }
      series.add(new Series(target, "latency p99", "ms", seconds, p99));
      series.add(new Series(target, "error rate", "%", seconds, errors));
      series.add(new Series(target, "rss", "MiB", seconds, rss));
      series.add(new Series(target, "cpu", "%", seconds, cpu));
    }
    return new Charts(distributions, series);
  }
}
