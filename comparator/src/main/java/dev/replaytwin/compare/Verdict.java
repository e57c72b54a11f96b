package dev.replaytwin.compare;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.core.Nullable;
import java.util.List;
import java.util.Map;

/**
 * The whole result of {@code twin compare}: the decision, every check with its evidence, what the
 * run could have detected, the series the reports plot, and digests of every input so the verdict can
 * be audited later. Written as {@code verdict.json} (see docs/verdict.md); every report is rendered
 * from it alone.
 *
 * @param version the verdict format version, {@value #VERSION}
 * @param decision PASS, FAIL or INCONCLUSIVE for the whole run: the worst of its checks
 * @param headline one sentence a person reads first, e.g. "FAIL: 2 of 41 checks failed: p99 of GET
 *     /search rose 38%; POST /checkout got 2.1% more 5xx"
 * @param inputs what was compared, with digests
 * @param endpoints one line per endpoint
 * @param checks every check made, passing ones included, failing first
 * @param calibration the noise floor and the smallest change this run could detect
 * @param charts what the HTML report plots
 * @param notes run-level remarks, such as why the replay was invalid
 */
public record Verdict(int version, Decision decision, String headline, Inputs inputs, List<EndpointSummary> endpoints,
    List<Check> checks, Calibration calibration, Charts charts, List<String> notes) {
  public static final int VERSION = 1;

  public Verdict {
    requireNonNull(decision, "decision");
    requireNonNull(headline, "headline");
    requireNonNull(inputs, "inputs");
    endpoints = List.copyOf(endpoints);
    checks = List.copyOf(checks);
    requireNonNull(calibration, "calibration");
    requireNonNull(charts, "charts");
    notes = List.copyOf(notes);
  }

  /**
   * What was compared.
   *
   * @param runs the run directories (several for a sharded run)
   * @param baseline the baseline target's name
   * @param candidate the candidate target's name
   * @param noise the second baseline's name (an A/A pair with the baseline), or {@code ""}
   * @param policyVersion the gate policy's own version string, {@code "default"} without a policy
   * @param policyDigest {@code sha256:} of the policy file, or {@code ""} without one
   * @param digests {@code sha256:} of every file read, keyed by its path relative to its run
   *     directory (prefixed by the run's index when there are several)
   * @param replayValid whether the replayer judged its own timing good enough (run.json health)
   */
  public record Inputs(List<String> runs, String baseline, String candidate, String noise, String policyVersion,
      String policyDigest, Map<String, String> digests, boolean replayValid) {
    public Inputs {
      runs = List.copyOf(runs);
      requireNonNull(baseline, "baseline");
      requireNonNull(candidate, "candidate");
      requireNonNull(noise, "noise");
      requireNonNull(policyVersion, "policyVersion");
      requireNonNull(policyDigest, "policyDigest");
      digests = Map.copyOf(digests);
    }
  }

  /**
   * One endpoint at a glance.
   *
   * @param endpoint the endpoint name, e.g. {@code GET /search}
   * @param decision the worst of its checks
   * @param requests paired requests compared (both targets answered or failed)
   * @param failed names of its failing checks
   */
  public record EndpointSummary(String endpoint, Decision decision, long requests, List<String> failed) {
    public EndpointSummary {
      requireNonNull(endpoint, "endpoint");
      requireNonNull(decision, "decision");
      failed = List.copyOf(failed);
    }
  }

  /**
   * One check: a metric of one endpoint (or {@value #ALL} for the whole run) measured on both sides,
   * its effect with a confidence interval, the threshold, the evidence and the conclusion.
   *
   * @param endpoint the endpoint, or {@value #ALL}
   * @param category {@code latency}, {@code errors}, {@code responses} or {@code resources}
   * @param name what was checked, e.g. {@code p99}, {@code 5xx rate}, {@code $.items[*].price},
   *     {@code header:cache-control}, {@code rss slope}
   * @param decision this check's conclusion
   * @param baseline the baseline's value
   * @param candidate the candidate's value
   * @param noise the second baseline's value, when there is one
   * @param effect candidate against baseline, when it is a number
   * @param threshold the allowed change in words, e.g. {@code +10% and +5 ms}
   * @param pValue the test's p-value, or NaN when no test applies
   * @param qValue the p-value adjusted for the number of checks (false-discovery rate), or NaN
   * @param samples the samples behind the check (paired requests, resource samples)
   * @param examples a few requests that show the change
   * @param explanation what happened, in one or two sentences
   * @param nextStep what a person could do next, or {@code ""}
   */
  public record Check(String endpoint, String category, String name, Decision decision, Measure baseline,
      Measure candidate, @Nullable Measure noise, @Nullable Effect effect, String threshold, double pValue,
      double qValue, long samples, List<Example> examples, String explanation, String nextStep) {
    public static final String ALL = "(all)";

    public Check {
      requireNonNull(endpoint, "endpoint");
      requireNonNull(category, "category");
      requireNonNull(name, "name");
      requireNonNull(decision, "decision");
      requireNonNull(baseline, "baseline");
      requireNonNull(candidate, "candidate");
      requireNonNull(threshold, "threshold");
      examples = List.copyOf(examples);
      requireNonNull(explanation, "explanation");
      requireNonNull(nextStep, "nextStep");
    }
  }

  /**
   * A measured value: a number with its unit ({@code ms}, {@code %}, {@code MiB}, {@code count}…) and
   * its confidence interval, or a text (a response field's typical value).
   *
   * @param value the number, or NaN for a text
   * @param low the interval's low end, or NaN
   * @param high the interval's high end, or NaN
   * @param unit the unit of the numbers
   * @param text the value in words, as the reports show it
   */
  public record Measure(double value, double low, double high, String unit, String text) {
    public Measure {
      requireNonNull(unit, "unit");
      requireNonNull(text, "text");
    }
  }

  /**
   * Candidate minus baseline, absolute (in the measure's unit) and relative (candidate / baseline -
   * 1), each with a confidence interval (NaN when none).
   */
  public record Effect(double absolute, double absoluteLow, double absoluteHigh, String unit, double relative,
      double relativeLow, double relativeHigh) {
    public Effect {
      requireNonNull(unit, "unit");
    }
  }

  /**
   * A request that shows a change.
   *
   * @param exchangeId the captured exchange
   * @param loop the pass over the capture
   * @param detail what differed, e.g. {@code baseline 200, candidate 500} or {@code $.price: 12.5 → missing}
   */
  public record Example(String exchangeId, int loop, String detail) {
    public Example {
      requireNonNull(exchangeId, "exchangeId");
      requireNonNull(detail, "detail");
    }
  }

  /**
   * How sensitive this run was.
   *
   * @param noiseTarget the second baseline used as the noise floor, or {@code ""}
   * @param detectable per endpoint, the smallest relative p99 change this run could have detected
   *     (0.12 = 12%), or NaN where unknown
   * @param text the calibration in words
   */
  public record Calibration(String noiseTarget, Map<String, Double> detectable, String text) {
    public Calibration {
      requireNonNull(noiseTarget, "noiseTarget");
      detectable = Map.copyOf(detectable);
      requireNonNull(text, "text");
    }
  }

  /**
   * What the HTML report draws.
   *
   * @param distributions latency percentile distributions, per target and endpoint ({@value Check#ALL}
   *     for all requests)
   * @param series values over the run's time, per target
   */
  public record Charts(List<Distribution> distributions, List<Series> series) {
    public Charts {
      distributions = List.copyOf(distributions);
      series = List.copyOf(series);
    }
  }

  /**
   * A latency distribution as HdrHistogram's plotter draws it.
   *
   * @param percentiles percentiles, from 0 up to 100 (e.g. 50, 90, 99, 99.9, 99.99, 100)
   * @param millis the latency at each percentile, in milliseconds
   */
  public record Distribution(String target, String endpoint, List<Double> percentiles, List<Double> millis) {
    public Distribution {
      requireNonNull(target, "target");
      requireNonNull(endpoint, "endpoint");
      percentiles = List.copyOf(percentiles);
      millis = List.copyOf(millis);
      if (percentiles.size() != millis.size()) {
        throw new IllegalArgumentException("millis: " + millis.size() + " values for " + percentiles.size()
            + " percentiles (expected: one each)");
      }
    }
  }

  /**
   * A metric over time.
   *
   * @param metric e.g. {@code latency p99}, {@code error rate}, {@code rss}, {@code cpu}
   * @param unit e.g. {@code ms}, {@code %}, {@code MiB}
   * @param seconds seconds since the run's t0
   * @param values the metric at each time
   */
  public record Series(String target, String metric, String unit, List<Double> seconds, List<Double> values) {
    public Series {
      requireNonNull(target, "target");
      requireNonNull(metric, "metric");
      requireNonNull(unit, "unit");
      seconds = List.copyOf(seconds);
      values = List.copyOf(values);
      if (seconds.size() != values.size()) {
        throw new IllegalArgumentException("values: " + values.size() + " for " + seconds.size()
            + " times (expected: one each)");
      }
    }
  }
}
