package dev.replaytwin.compare.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replaytwin.compare.Verdict;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MarkdownSummaryTest {
  @Test
  void startsWithTheDecisionBadgeLineAndHeadline() {
    String md = MarkdownSummary.render(VerdictFixtures.fail(true));

    assertThat(md.lines().limit(5)).containsExactly(
        "## ReplayTwin verdict: FAIL",
        "",
        "**FAIL** (exit 1): 3 failed, 1 inconclusive, 4 passed of 8 checks; candidate green against baseline "
            + "blue, noise floor from blue-2",
        "",
        "> FAIL: 3 of 8 checks failed: p99 of GET /search rose 38%; POST /checkout got 2.1% more 5xx");
  }

  @Test
  void describesEachFailingCheckWithMeasuresEffectThresholdExamplesAndNextStep() {
    String md = MarkdownSummary.render(VerdictFixtures.fail(true));

    assertThat(md).contains("### Failing checks (3)")
        .contains("- **FAIL** GET /search: latency p99 — p99 of GET /search rose 38% (46 ms), well beyond the "
            + "noise floor.")
        .contains("  - measured: baseline 120 ms (115–125), candidate 166 ms (160–172), noise 121 ms (117–125)")
        .contains("  - effect: +46 ms (CI +40 ms to +52 ms), +38% (CI +33% to +43%); threshold +10% and +5 ms; "
            + "p 0.0004, q 0.003, 12000 samples")
        .contains("  - examples: ex-search-1 (loop 0): 166 ms against 119 ms; ex-search-2 (loop 1): 201 ms")
        .contains("  - next step: Profile GET /search on the candidate; compare ex-search-1 on both targets.")
        .contains("- **FAIL** POST /checkout: errors 5xx rate")
        .contains("  - effect: +2.1 pp (CI +1.6 pp to +2.6 pp), +2100%; threshold")
        .contains("- **FAIL** GET /search: responses \\$.items\\[\\*\\].price");
    assertThat(md).contains("### Inconclusive checks (1)").contains("- **INCONCLUSIVE** GET /items/{id}: latency p99");
    assertThat(md).doesNotContain("latency p50").doesNotContain("rss slope");
  }

  @Test
  void leavesOutTheNoiseWhenThereIsNoNoiseTarget() {
    String md = MarkdownSummary.render(VerdictFixtures.fail(false));

    assertThat(md).contains("  - measured: baseline 120 ms (115–125), candidate 166 ms (160–172)\n")
        .doesNotContain("noise floor from");
  }

  @Test
  void tabulatesEveryEndpoint() {
    String md = MarkdownSummary.render(VerdictFixtures.fail(true));

    assertThat(md).contains("| endpoint | requests | decision | failed checks |\n|---|---:|---|---|\n"
        + "| GET /search | 12000 | FAIL | latency p99, responses \\$.items\\[\\*\\].price |\n"
        + "| POST /checkout | 3100 | FAIL | errors 5xx rate |\n"
        + "| GET /items/{id} | 80 | INCONCLUSIVE |  |\n");
  }

  @Test
  void aPassingRunHasNoCheckSections() {
    String md = MarkdownSummary.render(VerdictFixtures.pass());

    assertThat(md).contains("**PASS** (exit 0): 0 failed, 0 inconclusive, 2 passed of 2 checks")
        .doesNotContain("### Failing").doesNotContain("### Inconclusive").contains("| GET /search | 5000 | PASS |  |");
  }

  @Test
  void anInvalidReplaySaysSoAndShowsItsNotes() {
    String md = MarkdownSummary.render(VerdictFixtures.inconclusiveWithEmptyCharts());

    assertThat(md).contains("**INCONCLUSIVE** (exit 3)").contains("the replay was not valid")
        .contains("- Note: The replayer fell 2.3 s behind its schedule");
  }

  @Test
  void escapesPipesBackticksAndMarkupSoTheTableKeepsItsColumns() {
    String md = MarkdownSummary.render(VerdictFixtures.hostile());

    String row = md.lines().filter(l -> l.startsWith("| GET")).findFirst().orElseThrow();
    assertThat(row).isEqualTo("| GET /\\<script\\>alert('ep')\\</script\\>\\|\\`x\\` | 3 | FAIL | responses \\$.name |");
    assertThat(unescapedPipes(row)).isEqualTo(5);
    assertThat(md).doesNotContain("<script>").doesNotContain("`code`").doesNotContain("\u0000")
        .doesNotContain("\u0007").contains("a\\|b \\`c\\` \uFFFD");
  }

  @Test
  void cutsLongListsAndPointsToTheHtmlReport() {
    Verdict v = VerdictFixtures.fail(true);
    List<Verdict.Check> many = IntStream.range(0, 30).mapToObj(i -> v.checks().get(0)).toList();
    Verdict big = new Verdict(v.version(), v.decision(), v.headline(), v.inputs(), v.endpoints(), many,
        v.calibration(), v.charts(), v.notes());

    String md = MarkdownSummary.render(big);

    assertThat(md.split("\n- \\*\\*FAIL\\*\\*", -1)).hasSize(MarkdownSummary.MAX_DETAILED_CHECKS + 1);
    assertThat(md).contains("- 10 more in index.html");
  }

  private static long unescapedPipes(String row) {
    return Arrays.stream(row.replace("\\\\", "").replace("\\|", "").split("")).filter("|"::equals).count();
  }
}
