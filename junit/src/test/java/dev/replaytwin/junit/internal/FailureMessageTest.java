package dev.replaytwin.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replaytwin.compare.Decision;
import dev.replaytwin.compare.Verdict;
import dev.replaytwin.junit.Inconclusive;
import dev.replaytwin.junit.ReplayResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FailureMessageTest {
  private static final Verdict.Measure NONE = new Verdict.Measure(Double.NaN, Double.NaN, Double.NaN, "", "");

  @Test
  void namesEveryFailingCheckWithItsExplanationExamplesAndNextStep() {
    Verdict v = verdict(Decision.FAIL, "FAIL: 2 of 3 checks failed: GET /a $.price missing; GET /b 5xx", true,
        check("GET /a", "responses", "$.price missing", Decision.FAIL, "$.price is missing in 100% of responses.",
            "Check whether the candidate changed $.price on purpose.",
            new Verdict.Example("x1", 0, "$.price: 12.5 → missing"), new Verdict.Example("x2", 1, "$.price: 3 → missing"),
            new Verdict.Example("x3", 0, "c"), new Verdict.Example("x4", 0, "d")),
        check("GET /b", "errors", "5xx rate", Decision.FAIL, "GET /b failed 4% of requests.", ""),
        check("GET /c", "samples", "paired requests", Decision.INCONCLUSIVE, "too few", "replay longer"),
        check("GET /d", "latency", "p99", Decision.PASS, "fine", ""));

    String m = FailureMessage.of(result(v, List.of()));

    assertThat(m).startsWith("ReplayTwin FAIL: 2 of 3 checks failed: GET /a $.price missing; GET /b 5xx\n"
        + "judged against the baseline at http://127.0.0.1:1\n\n"
        + "FAIL  GET /a  responses $.price missing\n"
        + "    $.price is missing in 100% of responses.\n"
        + "    e.g. x1: $.price: 12.5 → missing; x2/1: $.price: 3 → missing; x3: c\n"
        + "    next: Check whether the candidate changed $.price on purpose.\n\n"
        + "FAIL  GET /b  errors 5xx rate\n"
        + "    GET /b failed 4% of requests.\n\n"
        + "1 more check could not be decided (see the report)\n");
    assertThat(m).doesNotContain("x4").doesNotContain("too few").doesNotContain("GET /d")
        .contains("reports: " + Path.of("reports").toAbsolutePath() + " (verdict.json, summary.md)")
        .endsWith("run:     " + Path.of("reports", "run").toAbsolutePath());
  }

  @Test
  void undecidedChecksAreShownWhenNothingFailed() {
    Verdict v = verdict(Decision.INCONCLUSIVE, "INCONCLUSIVE: no check failed, but 1 of 2 could not be decided", true,
        check("GET /c", "samples", "paired requests", Decision.INCONCLUSIVE,
            "GET /c has 12 paired requests, fewer than the 100 the policy needs to judge it.", "Lower minSamples."),
        check("GET /d", "latency", "p99", Decision.PASS, "fine", ""));

    String m = FailureMessage.of(result(v, List.of("3 recorded response bodies were cut short")));

    assertThat(m).contains("INCONCLUSIVE  GET /c  samples paired requests\n"
        + "    GET /c has 12 paired requests, fewer than the 100 the policy needs to judge it.\n"
        + "    next: Lower minSamples.\n")
        .contains("note: 3 recorded response bodies were cut short\n")
        .doesNotContain("GET /d").doesNotContain("not valid");
  }

  @Test
  void anInvalidReplayShowsWhatWouldFailAndWhatToChange() {
    Verdict v = verdict(Decision.INCONCLUSIVE, "INCONCLUSIVE: the replay is not valid (send lag p99 was 251 ms);"
        + " 1 checks would fail", false,
        check("GET /a", "responses", "$.price missing", Decision.FAIL, "$.price is missing.", ""));

    String m = FailureMessage.of(result(v, List.of()));

    assertThat(m).contains("FAIL  GET /a  responses $.price missing\n")
        .contains("The replay is not valid (see the first line), so no verdict can stand: lower the rate or speed,"
            + " or allow more lag with lagBound.");
  }

  @Test
  void aPassingVerdictIsItsHeadline() {
    Verdict v = verdict(Decision.PASS, "PASS: all 1 checks passed", true,
        check("GET /d", "latency", "p99", Decision.PASS, "fine", ""));

    assertThat(FailureMessage.of(result(v, List.of()))).startsWith("ReplayTwin PASS: all 1 checks passed\n")
        .doesNotContain("GET /d");
  }

  private static ReplayResult result(Verdict v, List<String> notes) {
    Path dir = Path.of("reports");
    return new ReplayResult(v, dir, List.of(dir.resolve("verdict.json"), dir.resolve("summary.md")),
        dir.resolve("run"), "the baseline at http://127.0.0.1:1", notes, Inconclusive.FAIL);
  }

  private static Verdict verdict(Decision d, String headline, boolean valid, Verdict.Check... checks) {
    Verdict.Inputs inputs = new Verdict.Inputs(List.of("run"), "baseline", "candidate", "", "test", "", Map.of(), valid);
    return new Verdict(Verdict.VERSION, d, headline, inputs, List.of(), List.of(checks),
        new Verdict.Calibration("", Map.of(), ""), new Verdict.Charts(List.of(), List.of()), List.of("a verdict note"));
  }

  private static Verdict.Check check(String endpoint, String category, String name, Decision d, String explanation,
      String next, Verdict.Example... examples) {
    return new Verdict.Check(endpoint, category, name, d, NONE, NONE, null, null, "", Double.NaN, Double.NaN, 100,
        List.of(examples), explanation, next);
  }
}
