package dev.replaytwin.compare.report;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replaytwin.compare.Decision;
import dev.replaytwin.compare.Verdict;
import dev.replaytwin.compare.Verdict.Check;
import dev.replaytwin.compare.Verdict.Effect;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerdictJsonTest {
  @TempDir
  Path dir;

  @Test
  void roundTripKeepsEveryValueOfARichVerdict() throws IOException {
    for (Verdict v : List.of(VerdictFixtures.fail(true), VerdictFixtures.fail(false), VerdictFixtures.pass(),
        VerdictFixtures.inconclusiveWithEmptyCharts(), VerdictFixtures.hostile())) {
      Path file = dir.resolve("verdict.json");
      VerdictJson.write(v, file);
      assertThat(VerdictJson.read(file)).isEqualTo(v);
    }
  }

  /** A saved version 1 file: the reader must keep reading it, and the writer must keep writing it. */
  @Test
  void readsAndWritesTheSavedVersion1ReferenceFile() throws Exception {
    Path reference = Path.of(VerdictJsonTest.class.getResource("verdict-v1.json").toURI());

    assertThat(VerdictJson.read(reference)).isEqualTo(VerdictFixtures.fail(true));
    assertThat(VerdictJson.toJson(VerdictFixtures.fail(true))).isEqualTo(Files.readString(reference));
  }

  @Test
  void writesNaNAsNullAndReadsNullBackAsNaN() throws IOException {
    Verdict v = VerdictFixtures.fail(true);
    String json = VerdictJson.toJson(v);
    JsonNode tree = new ObjectMapper().readTree(json);

    assertThat(json).doesNotContain("NaN");
    JsonNode effect = tree.at("/checks/1/effect");
    assertThat(effect.get("relativeLow").isNull()).isTrue();
    assertThat(tree.at("/checks/2/baseline/value").isNull()).isTrue();
    assertThat(tree.at("/calibration/detectable").get(VerdictFixtures.ITEMS).isNull()).isTrue();
    assertThat(tree.at("/charts/series/0/values/5").isNull()).isTrue();

    Path file = dir.resolve("verdict.json");
    VerdictJson.write(v, file);
    Verdict back = VerdictJson.read(file);
    assertThat(back.checks().get(1).effect().relativeLow()).isNaN();
    assertThat(back.checks().get(2).baseline().value()).isNaN();
    assertThat(back.calibration().detectable().get(VerdictFixtures.ITEMS)).isNaN();
    assertThat(back.charts().series().get(0).values().get(5)).isNaN();
  }

  @Test
  void writesInfinitiesAsStringsAndReadsThemBack() throws IOException {
    Verdict v = VerdictFixtures.pass();
    Check c = v.checks().get(1);
    Check infinite = new Check(c.endpoint(), c.category(), c.name(), c.decision(), c.baseline(), c.candidate(), null,
        new Effect(0.5, 0.4, 0.6, "%", Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY),
        c.threshold(), c.pValue(), c.qValue(), c.samples(), c.examples(), c.explanation(), c.nextStep());
    Verdict withInfinity = new Verdict(v.version(), v.decision(), v.headline(), v.inputs(), v.endpoints(),
        List.of(v.checks().get(0), infinite), v.calibration(), v.charts(), v.notes());
    Path file = dir.resolve("verdict.json");
    VerdictJson.write(withInfinity, file);

    assertThat(Files.readString(file)).contains("\"relative\": \"Infinity\"", "\"relativeLow\": \"-Infinity\"");
    assertThat(VerdictJson.read(file)).isEqualTo(withInfinity);
  }

  @Test
  void writesFieldsInRecordOrder() throws IOException {
    JsonNode tree = new ObjectMapper().readTree(VerdictJson.toJson(VerdictFixtures.fail(true)));

    assertThat(fieldNames(tree)).containsExactlyElementsOf(componentNames(Verdict.class));
    assertThat(fieldNames(tree.at("/checks/0"))).containsExactlyElementsOf(componentNames(Check.class));
    assertThat(fieldNames(tree.at("/checks/0/effect"))).containsExactlyElementsOf(componentNames(Effect.class));
    assertThat(fieldNames(tree.get("inputs"))).containsExactlyElementsOf(componentNames(Verdict.Inputs.class));
  }

  @Test
  void isPrettyPrintedOneFieldALineEndingWithANewline() {
    String json = VerdictJson.toJson(VerdictFixtures.pass());

    assertThat(json).startsWith("{\n  \"version\": 1,\n  \"decision\": \"PASS\",\n").endsWith("}\n");
  }

  @Test
  void rejectsAnotherVersionInOneLineNamingTheFile() throws IOException {
    Path file = dir.resolve("verdict.json");
    Files.writeString(file, VerdictJson.toJson(VerdictFixtures.pass()).replace("\"version\": 1,", "\"version\": 2,"));

    assertThatThrownBy(() -> VerdictJson.read(file))
        .isInstanceOf(IOException.class)
        .hasMessage(file + ": verdict version 2, this twin reads version 1 (use the twin that wrote it)");
  }

  @Test
  void rejectsFilesThatAreNotVerdictsInOneLineNamingTheFile() throws IOException {
    String verdict = VerdictJson.toJson(VerdictFixtures.pass());
    List<String[]> cases = List.of(
        new String[] {"run.json", "{\"version\": 1, \"capture\": {\"digest\": \"sha256:00\"}}", "not a verdict"},
        new String[] {"array.json", "[1, 2]", "not a verdict (expected a JSON object"},
        new String[] {"empty.json", "", "not a verdict"},
        new String[] {"garbage.json", "PK\u0003\u0004 zip?", "not JSON"},
        new String[] {"torn.json", verdict.substring(0, verdict.length() / 2), "not JSON"},
        new String[] {"no-headline.json", verdict.replaceFirst("\"headline\": \"[^\"]*\",", ""), "headline"},
        new String[] {"bad-decision.json", verdict.replaceFirst("\"PASS\"", "\"MAYBE\""), "$.decision"});
    for (String[] c : cases) {
      Path file = dir.resolve(c[0]);
      Files.write(file, c[1].getBytes(UTF_8));
      assertThatThrownBy(() -> VerdictJson.read(file))
          .as(c[0])
          .isInstanceOf(IOException.class)
          .hasMessageStartingWith(file + ": ")
          .hasMessageContaining(c[2])
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
  }

  @Test
  void rewritingReplacesTheFileAndLeavesNoTemporaryFile() throws IOException {
    Path file = dir.resolve("verdict.json");
    VerdictJson.write(VerdictFixtures.fail(true), file);
    VerdictJson.write(VerdictFixtures.pass(), file);

    assertThat(VerdictJson.read(file).decision()).isEqualTo(Decision.PASS);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("verdict.json");
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> componentNames(Class<?> record) {
    return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
  }
}
