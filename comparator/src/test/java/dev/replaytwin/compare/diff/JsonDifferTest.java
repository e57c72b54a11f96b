package dev.replaytwin.compare.diff;

import static dev.replaytwin.compare.diff.Json.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class JsonDifferTest {
  private final JsonDiffer differ = new JsonDiffer(DiffLimits.DEFAULT);

  private JsonDiff diff(String left, String right) {
    return differ.diff(tree(left), tree(right));
  }

  @Test
  void equalDocumentsHaveNoDifferencesWhateverTheMemberOrder() {
    assertThat(diff("{'a':1,'b':{'c':[1,2]}}", "{'b':{'c':[1,2]},'a':1}").isEmpty()).isTrue();
  }

  @Test
  void changedValueNamesConcreteAndGeneralizedPath() {
    JsonDiff d = diff("{'items':[{'price':1},{'price':2}]}", "{'items':[{'price':1},{'price':3}]}");
    assertThat(d.differences()).containsExactly(
        new Difference("$.items[*].price", "$.items[1].price", DiffKind.CHANGED_VALUE, "2", "3"));
  }

  @Test
  void stringsAreShownQuotedSoTheyDifferFromNumbers() {
    assertThat(diff("{'a':'x'}", "{'a':'y'}").differences())
        .extracting(Difference::left, Difference::right).containsExactly(tuple("\"x\"", "\"y\""));
  }

  @Test
  void changedTypeCoversNumberAndStringObjectAndArrayNullAndValue() {
    JsonDiff d = diff("{'n':1,'o':{},'z':null,'b':true}", "{'n':'1','o':[],'z':0,'b':'true'}");
    assertThat(d.differences()).extracting(Difference::path, Difference::kind).containsExactly(
        tuple("$.n", DiffKind.CHANGED_TYPE), tuple("$.o", DiffKind.CHANGED_TYPE),
        tuple("$.z", DiffKind.CHANGED_TYPE), tuple("$.b", DiffKind.CHANGED_TYPE));
  }

  @Test
  void missingAndExtraMembersAreReportedOncePerSubtree() {
    JsonDiff d = diff("{'price':{'amount':3,'currency':'EUR'},'id':1}", "{'id':1,'amount':{'value':3}}");
    assertThat(d.differences()).containsExactly(
        new Difference("$.price", "$.price", DiffKind.MISSING, "{\"amount\":3,\"currency\":\"EUR\"}", null),
        new Difference("$.amount", "$.amount", DiffKind.EXTRA, null, "{\"value\":3}"));
  }

  @Test
  void numbersCompareByValueAcrossRepresentations() {
    assertThat(diff("{'a':1,'b':2.50,'c':100,'d':-0.0}", "{'a':1.0,'b':2.5,'c':1e2,'d':0}").isEmpty()).isTrue();
    assertThat(diff("{'a':1}", "{'a':1.000001}").differences()).hasSize(1);
    ObjectNode big = JsonNodeFactory.instance.objectNode().put("v", new BigInteger("12345678901234567890"));
    ObjectNode bigDecimal = JsonNodeFactory.instance.objectNode().put("v", new BigDecimal("12345678901234567890.0"));
    assertThat(differ.diff(big, bigDecimal).isEmpty()).isTrue();
  }

  @Test
  void reorderedArrayIsOneArrayOrderDifferenceAtTheArray() {
    JsonDiff d = diff("{'tags':['a','b',{'x':1}]}", "{'tags':[{'x':1.0},'a','b']}");
    assertThat(d.differences()).extracting(Difference::field, Difference::kind)
        .containsExactly(tuple("$.tags", DiffKind.ARRAY_ORDER));
  }

  @Test
  void reorderedLargeArrayIsFoundByHashing() {
    StringBuilder left = new StringBuilder("[");
    StringBuilder right = new StringBuilder("[");
    for (int i = 0; i < 50; i++) {
      left.append(i == 0 ? "" : ",").append("{'id':").append(i).append('}');
      right.append(i == 0 ? "" : ",").append("{'id':").append(49 - i).append(".0}");
    }
    JsonDiff d = diff(left + "]", right + "]");
    assertThat(d.differences()).extracting(Difference::kind).containsExactly(DiffKind.ARRAY_ORDER);
  }

  @Test
  void sameSizeArrayWithChangedElementsIsDiffedElementByElement() {
    JsonDiff d = diff("[1,2,3]", "[1,5,2]");
    assertThat(d.differences()).extracting(Difference::path, Difference::kind).containsExactly(
        tuple("$[1]", DiffKind.CHANGED_VALUE), tuple("$[2]", DiffKind.CHANGED_VALUE));
  }

  @Test
  void appendedElementIsOnlyASizeChange() {
    assertThat(diff("{'a':[1,2]}", "{'a':[1,2,3]}").differences())
        .containsExactly(new Difference("$.a", "$.a", DiffKind.ARRAY_SIZE, "2", "3"));
  }

  @Test
  void elementInsertedAtTheFrontIsOnlyASizeChangeNotAShiftOfEveryElement() {
    assertThat(diff("[{'id':1},{'id':2}]", "[{'id':0},{'id':1},{'id':2}]").differences())
        .extracting(Difference::kind).containsExactly(DiffKind.ARRAY_SIZE);
  }

  @Test
  void resizedArrayWithChangedElementsAlsoDiffsTheCommonPrefix() {
    JsonDiff d = diff("{'a':[{'p':1},{'p':2},{'p':3}]}", "{'a':[{'p':1},{'p':9}]}");
    assertThat(d.differences()).extracting(Difference::path, Difference::kind).containsExactly(
        tuple("$.a", DiffKind.ARRAY_SIZE), tuple("$.a[1].p", DiffKind.CHANGED_VALUE));
  }

  @Test
  void nestedArraysGeneralizeEveryIndex() {
    JsonDiff d = diff("{'m':[[1,2],[3,4]]}", "{'m':[[1,2],[3,5]]}");
    assertThat(d.differences()).extracting(Difference::field, Difference::path)
        .containsExactly(tuple("$.m[*][*]", "$.m[1][1]"));
  }

  @Test
  void oddKeysAreQuotedAndEscaped() {
    JsonDiff d = diff("{'a.b':1,'x y':{'it\\u0027s':1},'1st':1,'_ok9':1,'':1,'*':1}",
        "{'a.b':2,'x y':{'it\\u0027s':2},'1st':2,'_ok9':2,'':2,'*':2}");
    assertThat(d.differences()).extracting(Difference::path).containsExactly(
        "$['a.b']", "$['x y']['it\\'s']", "$['1st']", "$._ok9", "$['']", "$['*']");
  }

  @Test
  void everyReportedFieldAndPathParsesBackAsAnIgnoreRuleThatMatchesIt() {
    JsonDiff d = diff("{'a.b':[{'q\\\\r':1}],'ü':{'\\n':1}}", "{'a.b':[{'q\\\\r':2}],'ü':{'\\n':2}}");
    assertThat(d.differences()).hasSize(2);
    for (Difference difference : d.differences()) {
      assertThat(IgnoreRules.of(java.util.List.of(difference.field())).ignores(difference.field())).isTrue();
      assertThat(IgnoreRules.of(java.util.List.of(difference.field())).ignores(difference.path())).isTrue();
    }
    assertThat(d.differences()).extracting(Difference::field).containsExactly("$['a.b'][*]['q\\\\r']",
        "$['ü']['\\u000a']");
  }

  @Test
  void capsDifferencesAndSaysSo() {
    StringBuilder left = new StringBuilder("{");
    StringBuilder right = new StringBuilder("{");
    for (int i = 0; i < 10; i++) {
      left.append(i == 0 ? "" : ",").append("'k").append(i).append("':").append(i);
      right.append(i == 0 ? "" : ",").append("'k").append(i).append("':").append(i + 1);
    }
    JsonDiff d = new JsonDiffer(new DiffLimits(3, 64, 200)).diff(tree(left + "}"), tree(right + "}"));
    assertThat(d.differences()).extracting(Difference::path).containsExactly("$.k0", "$.k1", "$.k2");
    assertThat(d.differencesCapped()).isTrue();
    assertThat(d.capped()).isTrue();
    JsonDiff exactlyAtCap = new JsonDiffer(new DiffLimits(10, 64, 200)).diff(tree(left + "}"), tree(right + "}"));
    assertThat(exactlyAtCap.differences()).hasSize(10);
    assertThat(exactlyAtCap.capped()).isFalse();
  }

  @Test
  void capsDepthReportingTheDeepestContainerWalked() {
    JsonDiff d = new JsonDiffer(new DiffLimits(100, 2, 200))
        .diff(tree("{'a':{'b':{'c':{'d':1}}}}"), tree("{'a':{'b':{'c':{'d':2}}}}"));
    assertThat(d.differences()).containsExactly(
        new Difference("$.a.b", "$.a.b", DiffKind.CHANGED_VALUE, "{\"c\":{\"d\":1}}", "{\"c\":{\"d\":2}}"));
    assertThat(d.depthCapped()).isTrue();
    assertThat(new JsonDiffer(new DiffLimits(100, 2, 200))
        .diff(tree("{'a':{'b':{'c':{'d':1}}}}"), tree("{'a':{'b':{'c':{'d':1.0}}}}")).capped()).isFalse();
  }

  @Test
  void longValuesAreCutToTheLimit() {
    String longText = "x".repeat(500);
    JsonDiff d = new JsonDiffer(new DiffLimits(100, 64, 20)).diff(tree("{'a':'" + longText + "'}"), tree("{'a':1}"));
    assertThat(d.differences().get(0).left()).hasSize(20).endsWith("…").startsWith("\"xxx");
    JsonNode wide = tree("{'a':[" + "1,".repeat(10_000) + "1]}");
    assertThat(new JsonDiffer(new DiffLimits(100, 64, 20)).diff(wide, tree("{}")).differences().get(0).left())
        .isEqualTo("[1,1,1,1,1,1,1,1,1,…");
  }

  @Test
  void limitsAreValidated() {
    assertThatIllegalArgumentException().isThrownBy(() -> new DiffLimits(0, 64, 200))
        .withMessage("maxDifferences: 0 (expected: >= 1)");
    assertThatIllegalArgumentException().isThrownBy(() -> new DiffLimits(1, 0, 200))
        .withMessage("maxDepth: 0 (expected: >= 1)");
    assertThatIllegalArgumentException().isThrownBy(() -> new DiffLimits(1, 1, 3))
        .withMessage("maxValueChars: 3 (expected: >= 16)");
  }
}
