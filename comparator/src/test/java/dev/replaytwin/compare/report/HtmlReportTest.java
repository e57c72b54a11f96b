package dev.replaytwin.compare.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
  private static final Pattern SERIES_GROUP = Pattern.compile("<g class=\"series\" data-target=\"([^\"]*)\" stroke=\"([^\"]*)\"");

  @Test
  void putsTheDecisionAndHeadlineFirst() {
    String html = HtmlReport.render(VerdictFixtures.fail(true));

    int headline = html.indexOf("<h1 id=\"headline\">" + Escape.html(VerdictFixtures.FAIL_HEADLINE) + "</h1>");
    assertThat(headline).isPositive();
    assertThat(html.indexOf("<span class=\"badge FAIL\">FAIL</span>")).isBetween(0, headline);
    assertThat(html.indexOf("<svg")).isGreaterThan(headline);
    assertThat(html).contains("<title>ReplayTwin FAIL: ");
  }

  @Test
  void listsFailingAndInconclusiveChecksWithEvidenceExamplesAndNextSteps() {
    String html = HtmlReport.render(VerdictFixtures.fail(true));

    String attention = section(html, "attention");
    assertThat(count(attention, "<tr><td><span class=\"badge FAIL\">")).isEqualTo(3);
    assertThat(count(attention, "<tr><td><span class=\"badge INCONCLUSIVE\">")).isEqualTo(1);
    assertThat(attention).contains("120 ms (115–125)", "166 ms (160–172)", "121 ms (117–125)",
        "+46 ms (CI +40 ms to +52 ms), +38% (CI +33% to +43%)", "+10% and +5 ms",
        "<b>Next:</b> Profile GET /search on the candidate", "ex-search-1 (loop 0): 166 ms against 119 ms")
        .doesNotContain("latency p50");
  }

  @Test
  void drawsOneSvgPerChart() {
    String html = HtmlReport.render(VerdictFixtures.fail(true));

    // whole run: all requests' distribution, latency p99, error rate, rss, cpu; then one per endpoint
    assertThat(count(html, "<svg")).isEqualTo(5 + 3);
    assertThat(count(html, "<figure class=\"chart\">")).isEqualTo(8);
    assertThat(section(html, "run")).contains("latency p99 over time", "error rate over time", "rss over time",
        "cpu over time", "rss (MiB)", "time since start (s)");
    for (String endpoint : List.of("endpoint-0", "endpoint-1", "endpoint-2")) {
      assertThat(count(section(html, endpoint), "<svg")).as(endpoint).isEqualTo(1);
    }
    // 3 targets per chart, each a path with points
    assertThat(count(html, "<path class=\"line\" fill=\"none\" d=\"M")).isEqualTo(8 * 3);
  }

  @Test
  void drawsThePercentileAxisAsHdrHistogramsPlotterDoes() {
    String html = HtmlReport.render(VerdictFixtures.pass());

    assertThat(section(html, "endpoint-0")).contains(">0%</text>", ">90%</text>", ">99%</text>", ">99.9%</text>",
        ">99.99%</text>", ">99.999%</text>", "percentile (log scale: 1/(1-p))", "latency (ms)")
        .doesNotContain(">99.9999%</text>");
    assertThat(PlotCharts.percentileX(0, 5)).isZero();
    assertThat(PlotCharts.percentileX(90, 5)).isCloseTo(1, within(1e-9));
    assertThat(PlotCharts.percentileX(99.9, 5)).isCloseTo(3, within(1e-9));
    assertThat(PlotCharts.percentileX(100, 5)).isEqualTo(5);
    assertThat(PlotCharts.percentileLabel(2)).isEqualTo("99%");
    assertThat(PlotCharts.percentileLabel(6)).isEqualTo("99.9999%");
  }

  @Test
  void givesEachTargetOneColorInEveryChartAndALegend() {
    String html = HtmlReport.render(VerdictFixtures.fail(true));

    Matcher m = SERIES_GROUP.matcher(html);
    List<String> seen = new ArrayList<>();
    while (m.find()) {
      String expected = switch (m.group(1)) {
        case VerdictFixtures.BASELINE -> Palette.BASELINE;
        case VerdictFixtures.CANDIDATE -> Palette.CANDIDATE;
        case VerdictFixtures.NOISE -> Palette.NOISE;
        default -> "unexpected target " + m.group(1);
      };
      assertThat(m.group(2)).as(m.group(1)).isEqualTo(expected);
      seen.add(m.group(1));
    }
    assertThat(seen).hasSize(24);
    assertThat(count(html, "<ul class=\"legend\">")).isEqualTo(8);
    assertThat(html).contains("border-color:" + Palette.BASELINE + "\"></span>blue <span class=\"role\">(baseline)",
        "border-color:" + Palette.CANDIDATE + "\"></span>green <span class=\"role\">(candidate)",
        "<span class=\"swatch dashed\" style=\"border-color:" + Palette.NOISE + "\"></span>blue-2 <span "
            + "class=\"role\">(noise)");
    assertThat(count(html, "stroke-dasharray")).isEqualTo(8);
  }

  @Test
  void withoutANoiseTargetDrawsTwoLinesPerChartAndNoDashes() {
    String html = HtmlReport.render(VerdictFixtures.fail(false));

    assertThat(count(html, "<path class=\"line\"")).isEqualTo(8 * 2);
    assertThat(html).doesNotContain("stroke-dasharray").doesNotContain("(noise)")
        .contains("none (no second baseline)");
  }

  @Test
  void showsResponseDifferencesPerEndpoint() {
    String html = HtmlReport.render(VerdictFixtures.fail(true));

    String search = section(html, "endpoint-0");
    assertThat(search).contains("<h3>Response differences</h3>", "<td class=\"mono\">$.items[*].price</td>",
        "differs in 0.0% of responses", "differs in 4.0% of responses",
        "ex-search-7 (loop 0): $.items[0].price: 12.5 → missing");
    assertThat(section(html, "endpoint-1")).contains("header:cache-control", "no-store");
    assertThat(section(html, "endpoint-2")).doesNotContain("Response differences");
    assertThat(search).contains("12000 paired requests</span> <span class=\"muted\">· could detect a p99 change of 12%");
    assertThat(section(html, "endpoint-2")).doesNotContain("could detect");
  }

  @Test
  void saysNoDataForEmptyChartsInsteadOfFailing() {
    String html = HtmlReport.render(VerdictFixtures.inconclusiveWithEmptyCharts());

    // all requests, latency p99, error rate, then GET /search
    assertThat(count(html, "<svg")).isEqualTo(4);
    assertThat(count(html, "no data recorded")).isEqualTo(4);
    assertThat(html).doesNotContain("<path").contains("The replayer fell 2.3 s behind its schedule")
        .contains("not valid: the replayer");
  }

  @Test
  void breaksLinesAtNaNValues() {
    String html = HtmlReport.render(VerdictFixtures.pass());

    String p99 = html.substring(html.indexOf("latency p99 over time"), html.indexOf("error rate over time"));
    Matcher path = Pattern.compile("<path class=\"line\" fill=\"none\" d=\"([^\"]*)\"").matcher(p99);
    assertThat(path.find()).isTrue();
    assertThat(count(path.group(1), "M")).isEqualTo(2);
  }

  @Test
  void escapesEveryRunProvidedTextSoNoScriptOrElementCanBeInjected() {
    String html = HtmlReport.render(VerdictFixtures.hostile());

    assertThat(html.toLowerCase()).doesNotContain("<script").doesNotContain("<img").doesNotContain("<b>bold")
        .doesNotContain("<i>");
    assertThat(html).contains("GET /&lt;script&gt;alert(&#39;ep&#39;)&lt;/script&gt;|`x`")
        .contains("&lt;script&gt;alert(&quot;field&quot;)&lt;/script&gt;")
        .contains("id-&lt;img src=x onerror=alert(1)&gt;")
        .contains("FAIL: &lt;script&gt;alert(&#39;headline&#39;)&lt;/script&gt;")
        .contains("data-target=\"base&lt;\"")
        .doesNotContain("\u0000").doesNotContain("\u0007");
  }

  @Test
  void isSelfContainedAndForbidsFetchingOrRunningAnything() {
    String html = HtmlReport.render(VerdictFixtures.fail(true));

    assertThat(html).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';")
        .contains("<style>\n/* The HTML report's only style sheet")
        .doesNotContain("<script").doesNotContain("<link").doesNotContain(" src=").doesNotContain("@import")
        .doesNotContain("url(");
    assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http:")
        .doesNotContain("https:");
  }

  /** The HTML of the section with this id. */
  private static String section(String html, String id) {
    int start = html.indexOf("id=\"" + id + "\"");
    assertThat(start).as("section " + id).isPositive();
    return html.substring(start, html.indexOf("</section>", start));
  }

  private static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + part.length())) {
      n++;
    }
    return n;
  }

}
