package dev.replaytwin.deploy.stubs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replaytwin.core.Body;
import dev.replaytwin.core.Headers;
import dev.replaytwin.core.HttpRequest;
import dev.replaytwin.deploy.stubs.StubIndex.IgnoredField;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

class FieldAnalysisTest {
  private static final BiPredicate<String, String> NOTHING_REPRODUCIBLE = (f, v) -> false;

  private static List<Map<String, String>> fields(String... jsonBodies) {
    List<HttpRequest> requests = java.util.Arrays.stream(jsonBodies)
        .map(b -> new HttpRequest("POST", "/v1/charges", "HTTP/1.1", Headers.of("Content-Type", "application/json"),
            Body.ofUtf8(b)))
        .toList();
    RequestFields.BodyMode mode = RequestFields.BodyMode.of(requests);
    assertThat(mode).isEqualTo(RequestFields.BodyMode.JSON);
    return requests.stream().map(r -> RequestFields.of(r, mode)).toList();
  }

  @Test
  void matchesFieldsWhoseValuesRepeatAndIgnoresThoseNewEveryTime() {
    List<Map<String, String>> f = fields(
        "{\"amount\":100,\"currency\":\"EUR\",\"key\":\"k1\",\"at\":\"2026-01-01T00:00:01Z\"}",
        "{\"amount\":200,\"currency\":\"EUR\",\"key\":\"k2\",\"at\":\"2026-01-01T00:00:02Z\"}",
        "{\"amount\":100,\"currency\":\"EUR\",\"key\":\"k3\",\"at\":\"2026-01-01T00:00:03Z\"}");
    FieldAnalysis a = FieldAnalysis.of(f, true, NOTHING_REPRODUCIBLE);
    assertThat(a.matched()).containsExactly("json:$.amount");
    assertThat(a.ignored()).extracting(IgnoredField::field).containsExactly("json:$.at", "json:$.key");
    assertThat(a.ignored()).allSatisfy(i -> assertThat(i.reason()).contains("a new value in every request"));
    assertThat(FieldAnalysis.candidates(f)).containsExactlyInAnyOrder("k1", "k2", "k3",
        "2026-01-01T00:00:01Z", "2026-01-01T00:00:02Z", "2026-01-01T00:00:03Z");
  }

  @Test
  void aFieldNewEveryTimeIsMatchedWhenEveryValueIsAmongTheServicesInputs() {
    List<Map<String, String>> f = fields("{\"customer\":\"cus_a\",\"nonce\":1}", "{\"customer\":\"cus_b\",\"nonce\":2}");
    Set<String> inputs = Set.of("cus_a", "cus_b", "1");
    FieldAnalysis a = FieldAnalysis.of(f, true, (field, value) -> inputs.contains(value));
    assertThat(a.matched()).containsExactly("json:$.customer");
    assertThat(a.ignored()).extracting(IgnoredField::field).containsExactly("json:$.nonce");
  }

  @Test
  void nothingIsMatchedWhenEveryRequestGotTheSameResponse() {
    FieldAnalysis a = FieldAnalysis.of(fields("{\"a\":1}", "{\"a\":2}", "{\"a\":1}"), false, NOTHING_REPRODUCIBLE);
    assertThat(a.matched()).isEmpty();
    assertThat(a.ignored()).containsExactly(new IgnoredField("json:$.a", FieldAnalysis.SAME_RESPONSE));
  }

  @Test
  void absenceCountsAsAValueAndConstantFieldsAreNeitherMatchedNorListed() {
    List<Map<String, String>> f = fields("{\"v\":1,\"opt\":true}", "{\"v\":1}", "{\"v\":1,\"opt\":true}",
        "{\"v\":1}");
    FieldAnalysis a = FieldAnalysis.of(f, true, NOTHING_REPRODUCIBLE);
    assertThat(a.matched()).containsExactly("json:$.opt");
    assertThat(a.ignored()).isEmpty();
  }

  @Test
  void queryParametersAreDecodedAndRepeatedOnesKeptTogether() {
    HttpRequest r = new HttpRequest("GET", "/v1/charges?expand=customer&expand=invoice&q=a%20b&flag", "HTTP/1.1",
        Headers.EMPTY, Body.EMPTY);
    assertThat(RequestFields.of(r, RequestFields.BodyMode.NONE)).containsExactly(
        Map.entry("query:expand", "customer" + RequestFields.MULTI + "invoice"),
        Map.entry("query:q", "a b"),
        Map.entry("query:flag", ""));
  }

  @Test
  void jsonLeavesAreNamedByJsonPathNullsAreAbsentAndBodiesThatAreNotJsonAreComparedWhole() {
    List<Map<String, String>> f = fields("{\"a\":{\"b c\":[1,{\"d\":null}]},\"e\":\"x\"}");
    assertThat(f.get(0)).containsExactly(
        Map.entry("json:$.a['b c'][0]", "1"),
        Map.entry("json:$.e", "\"x\""));
    HttpRequest text = new HttpRequest("POST", "/x", "HTTP/1.1", Headers.EMPTY, Body.ofUtf8("plain"));
    HttpRequest binary = new HttpRequest("POST", "/x", "HTTP/1.1", Headers.EMPTY, Body.of(new byte[] {(byte) 0xff, 0}));
    assertThat(RequestFields.BodyMode.of(List.of(text, binary))).isEqualTo(RequestFields.BodyMode.RAW);
    assertThat(RequestFields.of(text, RequestFields.BodyMode.RAW)).containsEntry("body", "plain");
    assertThat(RequestFields.of(binary, RequestFields.BodyMode.RAW)).containsEntry("body", "base64:/wA=");
  }
}
