package dev.replaytwin.compare.report;

import static dev.replaytwin.compare.report.Escape.html;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.replaytwin.compare.Decision;
import dev.replaytwin.compare.Verdict;
import dev.replaytwin.compare.Verdict.Check;
import dev.replaytwin.compare.Verdict.Distribution;
import dev.replaytwin.compare.Verdict.EndpointSummary;
import dev.replaytwin.compare.Verdict.Series;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code index.html}: one self-contained page. Its style sheet is inline, its charts are SVG drawn
 * here, and a Content-Security-Policy forbids fetching or running anything, so it opens the same from
 * a CI artifact, an e-mail or a laptop without network, and an endpoint name cannot inject a script.
 * Every run-provided text goes through {@link Escape#html}.
 */
final class HtmlReport {
  /** Metrics drawn over time for the whole run even when the verdict has no points for them. */
  static final List<String> EXPECTED_METRICS = List.of("latency p99", "error rate");
  static final String RESPONSES = "responses";
  private static final String CSS = css();

  private final Verdict v;
  private final Palette palette;
  private final StringBuilder out = new StringBuilder(64 * 1024);

  private HtmlReport(Verdict v) {
    this.v = v;
    this.palette = new Palette(v);
  }

  static String render(Verdict v) {
    return new HtmlReport(v).page();
  }

  private String page() {
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
        .append("style-src 'unsafe-inline'; img-src data:\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>ReplayTwin ").append(v.decision()).append(": ").append(html(v.headline())).append("</title>\n")
        .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<main>\n");
    header();
    attention();
    endpointIndex();
    List<String> endpoints = endpoints();
    wholeRun();
    for (int i = 0; i < endpoints.size(); i++) {
      endpoint(i, endpoints.get(i));
    }
    inputs();
    out.append("</main>\n</body>\n</html>\n");
    return out.toString();
  }

  private void header() {
    Decision d = v.decision();
    out.append("<header class=\"verdict ").append(d).append("\" id=\"verdict\">\n")
        .append("<span class=\"badge ").append(d).append("\">").append(d).append("</span> ")
        .append("<span class=\"muted\">exit code ").append(d.exitCode()).append("</span>\n")
        .append("<h1 id=\"headline\">").append(html(v.headline())).append("</h1>\n<dl class=\"facts\">\n");
    fact("candidate", v.inputs().candidate());
    fact("baseline", v.inputs().baseline());
    fact("noise floor", v.inputs().noise().isEmpty() ? "none (no second baseline)" : v.inputs().noise());
    fact("replay", v.inputs().replayValid() ? "valid" : "not valid: the replayer's timing was off");
    fact("checks", count(Decision.FAIL) + " failed, " + count(Decision.INCONCLUSIVE) + " inconclusive, "
        + count(Decision.PASS) + " passed");
    if (!v.calibration().text().isEmpty()) {
      fact("sensitivity", v.calibration().text());
    }
    for (String note : v.notes()) {
      fact("note", note);
    }
    out.append("</dl>\n</header>\n");
  }

  private void fact(String name, String value) {
    out.append("<dt>").append(html(name)).append("</dt><dd>").append(html(value)).append("</dd>\n");
  }

  private long count(Decision d) {
    return v.checks().stream().filter(c -> c.decision() == d).count();
  }

  /** The failing and inconclusive checks, with everything needed to act on them. */
  private void attention() {
    List<Check> checks = v.checks().stream().filter(c -> c.decision() != Decision.PASS).toList();
    out.append("<section id=\"attention\">\n<h2>Failing and inconclusive checks</h2>\n");
    if (checks.isEmpty()) {
      out.append("<p>All ").append(v.checks().size()).append(" checks passed.</p>\n</section>\n");
      return;
    }
    out.append("<table class=\"checks\">\n<thead><tr><th>decision</th><th>endpoint</th><th>check</th>")
        .append("<th>baseline</th><th>candidate</th><th>noise</th><th>effect</th><th>threshold</th>")
        .append("<th>why, and what next</th><th>examples</th></tr></thead>\n<tbody>\n");
    for (Check c : checks) {
      out.append("<tr><td><span class=\"badge ").append(c.decision()).append("\">").append(c.decision())
          .append("</span></td><td class=\"mono\">").append(html(c.endpoint()))
          .append("</td><td class=\"mono\">").append(html(Wording.checkName(c)))
          .append("</td><td>").append(html(Wording.measure(c.baseline())))
          .append("</td><td>").append(html(Wording.measure(c.candidate())))
          .append("</td><td>").append(html(Wording.noise(c)))
          .append("</td><td>").append(html(Wording.effect(c)))
          .append("<br><span class=\"muted\">").append(html(Wording.statistics(c))).append("</span>")
          .append("</td><td>").append(html(c.threshold()))
          .append("</td><td>").append(html(c.explanation()));
      if (!c.nextStep().isEmpty()) {
        out.append("<br><b>Next:</b> ").append(html(c.nextStep()));
      }
      out.append("</td><td>");
      examples(c);
      out.append("</td></tr>\n");
    }
    out.append("</tbody>\n</table>\n</section>\n");
  }

  private void examples(Check c) {
    if (c.examples().isEmpty()) {
      return;
    }
    out.append("<ul>");
    c.examples().forEach(e -> out.append("<li class=\"mono\">").append(html(Wording.example(e))).append("</li>"));
    out.append("</ul>");
  }

  private void endpointIndex() {
    if (v.endpoints().isEmpty()) {
      return;
    }
    List<String> order = endpoints();
    out.append("<section id=\"endpoints\">\n<h2>Endpoints</h2>\n<table>\n<thead><tr><th>endpoint</th>")
        .append("<th>requests</th><th>decision</th><th>failed checks</th></tr></thead>\n<tbody>\n");
    for (EndpointSummary e : v.endpoints()) {
      out.append("<tr><td class=\"mono\"><a href=\"#endpoint-").append(order.indexOf(e.endpoint())).append("\">")
          .append(html(e.endpoint())).append("</a></td><td class=\"num\">").append(e.requests())
          .append("</td><td><span class=\"badge ").append(e.decision()).append("\">").append(e.decision())
          .append("</span></td><td>").append(html(String.join(", ", e.failed()))).append("</td></tr>\n");
    }
    out.append("</tbody>\n</table>\n</section>\n");
  }

  /** Endpoints in the verdict's order, then any that only its checks or charts name. */
  private List<String> endpoints() {
    Set<String> names = new LinkedHashSet<>();
    v.endpoints().forEach(e -> names.add(e.endpoint()));
    v.checks().forEach(c -> names.add(c.endpoint()));
    v.charts().distributions().forEach(d -> names.add(d.endpoint()));
    names.remove(Check.ALL);
    return new ArrayList<>(names);
  }

  /** All requests together: the overall distribution, every metric over time, run-level checks. */
  private void wholeRun() {
    out.append("<section id=\"run\">\n<h2>Whole run</h2>\n<div class=\"charts\">\n");
    out.append(PlotCharts.distribution("Latency by percentile, all requests", distributions(Check.ALL), palette));
    Map<String, List<Series>> byMetric = new LinkedHashMap<>();
    EXPECTED_METRICS.forEach(m -> byMetric.put(m, new ArrayList<>()));
    for (Series s : v.charts().series()) {
      byMetric.computeIfAbsent(s.metric(), k -> new ArrayList<>()).add(s);
    }
    byMetric.forEach((metric, series) -> out.append(PlotCharts.overTime(metric + " over time", metric, series,
        palette)));
    out.append("</div>\n");
    checksOf(Check.ALL);
    out.append("</section>\n");
  }

  private void endpoint(int index, String endpoint) {
    EndpointSummary summary = v.endpoints().stream().filter(e -> e.endpoint().equals(endpoint)).findFirst()
        .orElse(null);
    out.append("<section class=\"endpoint\" id=\"endpoint-").append(index).append("\">\n<h2>");
    if (summary != null) {
      out.append("<span class=\"badge ").append(summary.decision()).append("\">").append(summary.decision())
          .append("</span> ");
    }
    out.append("<span class=\"mono\">").append(html(endpoint)).append("</span>");
    if (summary != null) {
      out.append(" <span class=\"muted\">").append(summary.requests()).append(" paired requests</span>");
    }
    Double detectable = v.calibration().detectable().get(endpoint);
    if (detectable != null && !detectable.isNaN()) {
      out.append(" <span class=\"muted\">· could detect a p99 change of ").append(Wording.number(detectable * 100))
          .append("%</span>");
    }
    out.append("</h2>\n<div class=\"charts\">\n")
        .append(PlotCharts.distribution("Latency by percentile", distributions(endpoint), palette))
        .append("</div>\n");
    checksOf(endpoint);
    out.append("</section>\n");
  }

  private List<Distribution> distributions(String endpoint) {
    return v.charts().distributions().stream().filter(d -> d.endpoint().equals(endpoint)).toList();
  }

  /** The endpoint's response differences, then its other checks. */
  private void checksOf(String endpoint) {
    List<Check> responses = v.checks().stream()
        .filter(c -> c.endpoint().equals(endpoint) && c.category().equals(RESPONSES)).toList();
    List<Check> others = v.checks().stream()
        .filter(c -> c.endpoint().equals(endpoint) && !c.category().equals(RESPONSES)).toList();
    if (!responses.isEmpty()) {
      out.append("<h3>Response differences</h3>\n<table class=\"responses\">\n<thead><tr><th>field</th>")
          .append("<th>decision</th><th>baseline</th><th>candidate</th><th>noise</th><th>change</th>")
          .append("<th>explanation</th><th>examples</th></tr></thead>\n<tbody>\n");
      for (Check c : responses) {
        out.append("<tr><td class=\"mono\">").append(html(c.name())).append("</td>");
        row(c);
        out.append("<td>").append(html(c.explanation())).append("</td><td>");
        examples(c);
        out.append("</td></tr>\n");
      }
      out.append("</tbody>\n</table>\n");
    }
    if (!others.isEmpty()) {
      out.append("<h3>Checks</h3>\n<table class=\"endpoint-checks\">\n<thead><tr><th>check</th><th>decision</th>")
          .append("<th>baseline</th><th>candidate</th><th>noise</th><th>effect</th><th>threshold</th></tr></thead>\n")
          .append("<tbody>\n");
      for (Check c : others) {
        out.append("<tr><td class=\"mono\">").append(html(Wording.checkName(c))).append("</td>");
        row(c);
        out.append("<td>").append(html(c.threshold())).append("</td></tr>\n");
      }
      out.append("</tbody>\n</table>\n");
    }
  }

  private void row(Check c) {
    out.append("<td><span class=\"badge ").append(c.decision()).append("\">").append(c.decision())
        .append("</span></td><td>").append(html(Wording.measure(c.baseline())))
        .append("</td><td>").append(html(Wording.measure(c.candidate())))
        .append("</td><td>").append(html(Wording.noise(c)))
        .append("</td><td>").append(html(Wording.effect(c))).append("</td>");
  }

  private void inputs() {
    Verdict.Inputs in = v.inputs();
    out.append("<section id=\"inputs\">\n<h2>Inputs</h2>\n<dl class=\"facts\">\n");
    fact("runs", String.join(", ", in.runs()));
    fact("policy", in.policyVersion() + (in.policyDigest().isEmpty() ? "" : " (" + in.policyDigest() + ")"));
    fact("verdict format", "version " + v.version());
    out.append("</dl>\n");
    if (!in.digests().isEmpty()) {
      out.append("<details><summary>").append(in.digests().size()).append(" files read, with digests</summary>\n")
          .append("<table>\n<tbody>\n");
      in.digests().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> out
          .append("<tr><td class=\"mono\">").append(html(e.getKey())).append("</td><td class=\"mono\">")
          .append(html(e.getValue())).append("</td></tr>\n"));
      out.append("</tbody>\n</table>\n</details>\n");
    }
    out.append("</section>\n");
  }

  private static String css() {
    try (InputStream in = HtmlReport.class.getResourceAsStream("report.css")) {
      if (in == null) {
        throw new IllegalStateException("report.css is missing from the comparator jar");
      }
      return new String(in.readAllBytes(), UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
