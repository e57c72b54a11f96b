package dev.replaytwin.compare.report;

import static dev.replaytwin.compare.report.Escape.xml;

import dev.replaytwin.compare.Decision;
import dev.replaytwin.compare.Verdict;
import dev.replaytwin.compare.Verdict.Check;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code junit.xml} in the JUnit/Ant format CI systems read (Jenkins, GitLab, GitHub test reporters).
 *
 * <p>One {@code <testsuite>} per check category ({@code latency}, {@code errors}, {@code responses},
 * {@code resources}), so a CI page groups "latency: 2 failures" apart from "responses: 1 failure",
 * while {@code classname} is the endpoint, so the same page can also be read by endpoint. A last
 * suite, {@code verdict}, holds one test case for the run's own decision with the headline and the
 * notes: a run judged INCONCLUSIVE before any check (an invalid replay) must not look like an empty,
 * green test report.
 */
final class JunitXml {
  static final String VERDICT_SUITE = "verdict";

  private JunitXml() {}

  static String render(Verdict v) {
    Map<String, List<Check>> byCategory = new LinkedHashMap<>();
    for (Check c : v.checks()) {
      byCategory.computeIfAbsent(c.category(), k -> new ArrayList<>()).add(c);
    }

    StringBuilder body = new StringBuilder();
    Counts total = new Counts();
    for (Map.Entry<String, List<Check>> entry : byCategory.entrySet()) {
      Counts counts = new Counts();
      StringBuilder cases = new StringBuilder();
      for (Check c : entry.getValue()) {
        counts.add(c.decision());
        testCase(cases, c.endpoint(), Wording.checkName(c), c.decision(), c.explanation(), details(c));
      }
      suite(body, entry.getKey(), counts, "", cases);
      total.addAll(counts);
    }

    Counts counts = new Counts();
    counts.add(v.decision());
    StringBuilder cases = new StringBuilder();
    StringBuilder notes = new StringBuilder();
    v.notes().forEach(n -> notes.append(n).append('\n'));
    if (!v.calibration().text().isEmpty()) {
      notes.append("sensitivity: ").append(v.calibration().text()).append('\n');
    }
    testCase(cases, Check.ALL, "decision", v.decision(), v.headline(), v.headline() + "\n" + notes);
    suite(body, VERDICT_SUITE, counts, properties(v), cases);
    total.addAll(counts);

    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<testsuites name=\"ReplayTwin\" " + total.attributes() + ">\n"
        + body
        + "</testsuites>\n";
  }

  private static void suite(StringBuilder out, String name, Counts counts, String properties, StringBuilder cases) {
    out.append("  <testsuite name=\"").append(xml(name)).append("\" ").append(counts.attributes()).append(">\n")
        .append(properties)
        .append(cases)
        .append("  </testsuite>\n");
  }

  private static void testCase(StringBuilder out, String classname, String name, Decision decision, String message,
      String details) {
    out.append("    <testcase classname=\"").append(xml(classname)).append("\" name=\"").append(xml(name))
        .append("\" time=\"0\"");
    switch (decision) {
      case PASS -> out.append("/>\n");
      case FAIL -> out.append(">\n      <failure message=\"").append(xml(message)).append("\" type=\"regression\">")
          .append(xml(details)).append("</failure>\n    </testcase>\n");
      case INCONCLUSIVE -> out.append(">\n      <skipped message=\"").append(xml("inconclusive: " + message))
          .append("\">").append(xml(details)).append("</skipped>\n    </testcase>\n");
    }
  }

  private static String details(Check c) {
    StringBuilder d = new StringBuilder();
    d.append(c.explanation()).append('\n');
    d.append("baseline: ").append(Wording.measure(c.baseline())).append('\n');
    d.append("candidate: ").append(Wording.measure(c.candidate())).append('\n');
    if (c.noise() != null) {
      d.append("noise: ").append(Wording.measure(c.noise())).append('\n');
    }
    d.append("effect: ").append(Wording.effect(c)).append('\n');
    d.append("threshold: ").append(c.threshold().isEmpty() ? Wording.NONE : c.threshold()).append('\n');
    d.append("statistics: ").append(Wording.statistics(c)).append('\n');
    c.examples().forEach(e -> d.append("example: ").append(Wording.example(e)).append('\n'));
    if (!c.nextStep().isEmpty()) {
      d.append("next step: ").append(c.nextStep()).append('\n');
    }
    return d.toString();
  }

  private static String properties(Verdict v) {
    StringBuilder p = new StringBuilder("    <properties>\n");
    property(p, "decision", v.decision().name());
    property(p, "baseline", v.inputs().baseline());
    property(p, "candidate", v.inputs().candidate());
    property(p, "noise", v.inputs().noise());
    property(p, "policyVersion", v.inputs().policyVersion());
    property(p, "replayValid", Boolean.toString(v.inputs().replayValid()));
    return p.append("    </properties>\n").toString();
  }

  private static void property(StringBuilder out, String name, String value) {
    out.append("      <property name=\"").append(xml(name)).append("\" value=\"").append(xml(value)).append("\"/>\n");
  }

  private static final class Counts {
    int tests;
    int failures;
    int skipped;

    void add(Decision d) {
      tests++;
      if (d == Decision.FAIL) {
        failures++;
      } else if (d == Decision.INCONCLUSIVE) {
        skipped++;
      }
    }

    void addAll(Counts other) {
      tests += other.tests;
      failures += other.failures;
      skipped += other.skipped;
    }

    String attributes() {
      return "tests=\"" + tests + "\" failures=\"" + failures + "\" errors=\"0\" skipped=\"" + skipped
          + "\" time=\"0\"";
    }
  }
}
