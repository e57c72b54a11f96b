package dev.replaytwin.compare.report;

import static dev.replaytwin.compare.report.Escape.markdown;

import dev.replaytwin.compare.Decision;
import dev.replaytwin.compare.Verdict;
import dev.replaytwin.compare.Verdict.Check;
import dev.replaytwin.compare.Verdict.EndpointSummary;
import java.util.List;

/**
 * {@code summary.md}: what a reviewer needs in a pull-request comment, and no more. The decision, the
 * headline, each failing and inconclusive check with its evidence, and one table row per endpoint.
 * Long runs are cut (see the limits) with a pointer to {@code index.html}, since comment sizes are
 * capped (65,536 characters on GitHub).
 */
final class MarkdownSummary {
  /** Failing or inconclusive checks described in full; the rest are counted. */
  static final int MAX_DETAILED_CHECKS = 20;
  /** Endpoint table rows; the rest are counted. */
  static final int MAX_ENDPOINT_ROWS = 50;
  private static final int MAX_EXAMPLES = 3;

  private MarkdownSummary() {}

  static String render(Verdict v) {
    StringBuilder md = new StringBuilder();
    md.append("## ReplayTwin verdict: ").append(v.decision()).append("\n\n");
    md.append(badgeLine(v)).append("\n\n");
    md.append("> ").append(markdown(v.headline())).append("\n\n");
    for (String note : v.notes()) {
      md.append("- Note: ").append(markdown(note)).append('\n');
    }
    if (!v.notes().isEmpty()) {
      md.append('\n');
    }

    List<Check> failing = v.checks().stream().filter(c -> c.decision() == Decision.FAIL).toList();
    List<Check> inconclusive = v.checks().stream().filter(c -> c.decision() == Decision.INCONCLUSIVE).toList();
    int budget = MAX_DETAILED_CHECKS;
    budget = section(md, "Failing checks", failing, budget);
    section(md, "Inconclusive checks", inconclusive, budget);

    if (!v.endpoints().isEmpty()) {
      md.append("### Endpoints\n\n");
      md.append("| endpoint | requests | decision | failed checks |\n");
      md.append("|---|---:|---|---|\n");
      for (EndpointSummary e : v.endpoints().subList(0, Math.min(v.endpoints().size(), MAX_ENDPOINT_ROWS))) {
        md.append("| ").append(markdown(e.endpoint()))
            .append(" | ").append(e.requests())
            .append(" | ").append(e.decision())
            .append(" | ").append(e.failed().isEmpty() ? "" : markdown(String.join(", ", e.failed())))
            .append(" |\n");
      }
      if (v.endpoints().size() > MAX_ENDPOINT_ROWS) {
        md.append("\n").append(v.endpoints().size() - MAX_ENDPOINT_ROWS)
            .append(" more endpoints in index.html.\n");
      }
      md.append('\n');
    }
    if (!v.calibration().text().isEmpty()) {
      md.append("Sensitivity: ").append(markdown(v.calibration().text())).append('\n');
    }
    return md.toString();
  }

  /** {@code **FAIL** (exit 1): 3 failed, 1 inconclusive, 37 passed of 41 checks; candidate vs baseline}. */
  private static String badgeLine(Verdict v) {
    long failed = v.checks().stream().filter(c -> c.decision() == Decision.FAIL).count();
    long inconclusive = v.checks().stream().filter(c -> c.decision() == Decision.INCONCLUSIVE).count();
    long passed = v.checks().size() - failed - inconclusive;
    StringBuilder line = new StringBuilder()
        .append("**").append(v.decision()).append("** (exit ").append(v.decision().exitCode()).append("): ")
        .append(failed).append(" failed, ").append(inconclusive).append(" inconclusive, ").append(passed)
        .append(" passed of ").append(v.checks().size()).append(" checks; candidate ")
        .append(markdown(v.inputs().candidate())).append(" against baseline ").append(markdown(v.inputs().baseline()));
    if (!v.inputs().noise().isEmpty()) {
      line.append(", noise floor from ").append(markdown(v.inputs().noise()));
    }
    if (!v.inputs().replayValid()) {
      line.append("; the replay was not valid");
    }
    return line.toString();
  }

  private static int section(StringBuilder md, String title, List<Check> checks, int budget) {
    if (checks.isEmpty()) {
      return budget;
    }
    md.append("### ").append(title).append(" (").append(checks.size()).append(")\n\n");
    int shown = Math.min(checks.size(), Math.max(budget, 0));
    for (Check c : checks.subList(0, shown)) {
      check(md, c);
    }
    if (shown < checks.size()) {
      md.append("- ").append(checks.size() - shown).append(" more in index.html\n");
    }
    md.append('\n');
    return budget - shown;
  }

  private static void check(StringBuilder md, Check c) {
    md.append("- **").append(c.decision()).append("** ").append(markdown(c.endpoint())).append(": ")
        .append(markdown(Wording.checkName(c))).append(" — ").append(markdown(c.explanation())).append('\n');
    md.append("  - measured: baseline ").append(markdown(Wording.measure(c.baseline())))
        .append(", candidate ").append(markdown(Wording.measure(c.candidate())));
    if (c.noise() != null) {
      md.append(", noise ").append(markdown(Wording.measure(c.noise())));
    }
    md.append('\n');
    md.append("  - effect: ").append(markdown(Wording.effect(c)))
        .append("; threshold ").append(markdown(c.threshold().isEmpty() ? Wording.NONE : c.threshold()))
        .append("; ").append(markdown(Wording.statistics(c))).append('\n');
    if (!c.examples().isEmpty()) {
      md.append("  - examples: ");
      List<String> shown = c.examples().stream().limit(MAX_EXAMPLES).map(e -> markdown(Wording.example(e))).toList();
      md.append(String.join("; ", shown));
      if (c.examples().size() > MAX_EXAMPLES) {
        md.append("; ").append(c.examples().size() - MAX_EXAMPLES).append(" more");
      }
      md.append('\n');
    }
    if (!c.nextStep().isEmpty()) {
      md.append("  - next step: ").append(markdown(c.nextStep())).append('\n');
    }
  }
}
