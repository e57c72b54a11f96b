package dev.replaytwin.compare.report;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.replaytwin.compare.Verdict;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitXmlTest {
  @Test
  void hasOneSuitePerCategoryAndOneForTheVerdictWithCorrectCounts() throws Exception {
    Document doc = parse(JunitXml.render(VerdictFixtures.fail(true)));

    Element root = doc.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("testsuites");
    assertThat(counts(root)).isEqualTo("tests=9 failures=4 errors=0 skipped=1");
    List<Element> suites = children(root, "testsuite");
    assertThat(suites).extracting(s -> s.getAttribute("name") + ": " + counts(s)).containsExactly(
        "latency: tests=4 failures=1 errors=0 skipped=1",
        "errors: tests=1 failures=1 errors=0 skipped=0",
        "responses: tests=2 failures=1 errors=0 skipped=0",
        "resources: tests=1 failures=0 errors=0 skipped=0",
        "verdict: tests=1 failures=1 errors=0 skipped=0");
    for (Element suite : suites) {
      List<Element> cases = children(suite, "testcase");
      assertThat(cases).hasSize(Integer.parseInt(suite.getAttribute("tests")));
      assertThat(cases.stream().filter(c -> !children(c, "failure").isEmpty()))
          .hasSize(Integer.parseInt(suite.getAttribute("failures")));
      assertThat(cases.stream().filter(c -> !children(c, "skipped").isEmpty()))
          .hasSize(Integer.parseInt(suite.getAttribute("skipped")));
    }
  }

  @Test
  void namesEachCaseByEndpointAndCheckWithFailureEvidenceAndSkippedInconclusive() throws Exception {
    Document doc = parse(JunitXml.render(VerdictFixtures.fail(true)));

    List<Element> cases = children(children(doc.getDocumentElement(), "testsuite").get(0), "testcase");
    assertThat(cases).extracting(c -> c.getAttribute("classname") + " | " + c.getAttribute("name")).containsExactly(
        "GET /search | latency p99", "GET /items/{id} | latency p99", "GET /search | latency p50",
        "POST /checkout | latency p99");
    Element failure = children(cases.get(0), "failure").get(0);
    assertThat(failure.getAttribute("message"))
        .isEqualTo("p99 of GET /search rose 38% (46 ms), well beyond the noise floor.");
    assertThat(failure.getTextContent()).contains("baseline: 120 ms (115–125)\n", "candidate: 166 ms (160–172)\n",
        "noise: 121 ms (117–125)\n", "effect: +46 ms (CI +40 ms to +52 ms), +38% (CI +33% to +43%)\n",
        "threshold: +10% and +5 ms\n", "example: ex-search-1 (loop 0): 166 ms against 119 ms\n",
        "next step: Profile GET /search");
    Element skipped = children(cases.get(1), "skipped").get(0);
    assertThat(skipped.getAttribute("message")).startsWith("inconclusive: Only 80 paired requests");
    assertThat(cases.get(2).getChildNodes().getLength()).isZero();
  }

  @Test
  void anInvalidReplayWithoutChecksIsStillOneSkippedCase() throws Exception {
    Verdict v = VerdictFixtures.inconclusiveWithEmptyCharts();
    Document doc = parse(JunitXml.render(v));

    assertThat(counts(doc.getDocumentElement())).isEqualTo("tests=1 failures=0 errors=0 skipped=1");
    Element verdictCase = (Element) doc.getElementsByTagName("testcase").item(0);
    assertThat(verdictCase.getAttribute("name")).isEqualTo("decision");
    assertThat(children(verdictCase, "skipped").get(0).getTextContent())
        .contains("The replayer fell 2.3 s behind its schedule");
  }

  @Test
  void aPassingRunHasNoFailuresOrSkips() throws Exception {
    Document doc = parse(JunitXml.render(VerdictFixtures.pass()));

    assertThat(counts(doc.getDocumentElement())).isEqualTo("tests=3 failures=0 errors=0 skipped=0");
    assertThat(doc.getElementsByTagName("failure").getLength()).isZero();
  }

  @Test
  void escapesMarkupAndReplacesControlCharactersXmlForbids() throws Exception {
    String xml = JunitXml.render(VerdictFixtures.hostile());
    Document doc = parse(xml);

    assertThat(xml).doesNotContain("\u0000").doesNotContain("\u0007").doesNotContain("\u0008")
        .doesNotContain("<script>");
    Element failing = (Element) doc.getElementsByTagName("testcase").item(0);
    assertThat(failing.getAttribute("classname")).isEqualTo("GET /<script>alert('ep')</script>|`x`");
    Element failure = children(failing, "failure").get(0);
    assertThat(failure.getAttribute("message")).isEqualTo("Field changed: <script>alert('explanation')</script>\uFFFD");
    assertThat(failure.getTextContent())
        .contains("candidate: <script>alert(\"field\")</script> | `code` \uFFFD\uFFFD\uFFFD end\n")
        .contains("example: id-<img src=x onerror=alert(1)> (loop 0): a|b `c` \uFFFD\n")
        .contains("next step: Look at ]]> and --> and <!--");
    Element skipped = (Element) doc.getElementsByTagName("testcase").item(1);
    assertThat(skipped.getAttribute("name")).isEqualTo("latency p99 <&>");
  }

  @Test
  void keepsLineBreaksAndTabsInAttributes() throws Exception {
    Verdict v = VerdictFixtures.fail(true);
    Verdict.Check c = v.checks().get(0);
    Verdict.Check multiline = new Verdict.Check(c.endpoint(), c.category(), c.name(), c.decision(), c.baseline(),
        c.candidate(), c.noise(), c.effect(), c.threshold(), c.pValue(), c.qValue(), c.samples(), c.examples(),
        "line one\n\tline two", c.nextStep());
    Verdict withMultiline = new Verdict(v.version(), v.decision(), v.headline(), v.inputs(), v.endpoints(),
        List.of(multiline), v.calibration(), v.charts(), v.notes());

    Document doc = parse(JunitXml.render(withMultiline));

    assertThat(((Element) doc.getElementsByTagName("failure").item(0)).getAttribute("message"))
        .isEqualTo("line one\n\tline two");
  }

  @Test
  void replacesLoneSurrogatesAndKeepsPairedOnes() {
    assertThat(Escape.xml("a\uD800b\uDC00c\uD83D\uDE00")).isEqualTo("a\uFFFDb\uFFFDc\uD83D\uDE00");
    assertThat(Escape.html("\uD83D")).isEqualTo("\uFFFD");
  }

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(UTF_8)));
  }

  private static String counts(Element e) {
    return "tests=" + e.getAttribute("tests") + " failures=" + e.getAttribute("failures") + " errors="
        + e.getAttribute("errors") + " skipped=" + e.getAttribute("skipped");
  }

  private static List<Element> children(Element parent, String tag) {
    List<Element> found = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element e && e.getTagName().equals(tag)) {
        found.add(e);
      }
    }
    return found;
  }
}
