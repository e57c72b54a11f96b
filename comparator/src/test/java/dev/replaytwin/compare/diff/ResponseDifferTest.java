package dev.replaytwin.compare.diff;

import static dev.replaytwin.compare.diff.Outcomes.answered;
import static dev.replaytwin.compare.diff.Outcomes.failed;
import static dev.replaytwin.compare.diff.Outcomes.json;
import static dev.replaytwin.compare.diff.Outcomes.truncated;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

import dev.replaytwin.core.Headers;
import dev.replaytwin.core.run.ErrorKind;
import dev.replaytwin.core.run.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseDifferTest {
  private final ResponseDiffer differ = new ResponseDiffer(List.of("Content-Type", "cache-control"),
      DiffLimits.DEFAULT);

  @Test
  void identicalResponsesAreEqualWithoutParsing() {
    ResponseDiff d = differ.diff(json("ex-1", "{'a':1}"), json("ex-1", "{'a':1}"));
    assertThat(d.isEmpty()).isTrue();
    assertThat(d.body()).isEqualTo(BodyComparison.BYTES);
  }

  @Test
  void jsonBodiesAreDiffedStructurally() {
    ResponseDiff d = differ.diff(json("ex-1", "{'a':1,'b':[1,2]}"), json("ex-1", "{ 'b':[1,2], 'a':2 }"));
    assertThat(d.body()).isEqualTo(BodyComparison.JSON);
    assertThat(d.differences()).containsExactly(new Difference("$.a", "$.a", DiffKind.CHANGED_VALUE, "1", "2"));
    assertThat(d.exchangeId()).isEqualTo("ex-1");
    assertThat(d.endpoint()).isEqualTo("GET /items");
  }

  @Test
  void bodyThatLooksLikeJsonIsDiffedAsJsonWhateverItsContentType() {
    Outcome left = answered("ex-1", "GET /a", 200, "text/plain", Headers.EMPTY, "{\"a\":1}".getBytes(UTF_8));
    Outcome right = answered("ex-1", "GET /a", 200, "", Headers.EMPTY, " [1]".getBytes(UTF_8));
    assertThat(differ.diff(left, right).differences()).extracting(Difference::field, Difference::kind)
        .containsExactly(tuple("$", DiffKind.CHANGED_TYPE));
  }

  @Test
  void statusErrorAndHeaderDifferencesUseTheirOwnFieldNames() {
    Outcome left = answered("ex-1", "GET /a", 200, "application/json",
        Headers.of("Content-Type", "application/json", "Cache-Control", "max-age=60", "Date", "Mon"), "{}".getBytes(UTF_8));
    Outcome right = answered("ex-1", "GET /a", 500, "application/json",
        Headers.of("CONTENT-TYPE", "application/json", "Date", "Tue"), "{}".getBytes(UTF_8));
    assertThat(differ.diff(left, right).differences()).containsExactly(
        new Difference("status", "status", DiffKind.CHANGED_VALUE, "200", "500"),
        new Difference("header:cache-control", "header:cache-control", DiffKind.MISSING, "max-age=60", null));
  }

  @Test
  void headerNamesMatchIgnoringCaseAndAllValuesCompareInOrder() {
    Outcome left = answered("ex-1", "GET /a", 200, "", Headers.of("cache-control", "a", "Cache-Control", "b"),
        new byte[0]);
    Outcome same = answered("ex-1", "GET /a", 200, "", Headers.of("CACHE-CONTROL", "a", "cache-control", "b"),
        new byte[0]);
    Outcome swapped = answered("ex-1", "GET /a", 200, "", Headers.of("Cache-Control", "b", "Cache-Control", "a"),
        new byte[0]);
    assertThat(differ.diff(left, same).isEmpty()).isTrue();
    assertThat(differ.diff(left, swapped).differences()).containsExactly(
        new Difference("header:cache-control", "header:cache-control", DiffKind.CHANGED_VALUE, "a, b", "b, a"));
    assertThat(differ.diff(same, left).differences()).isEmpty();
    assertThat(differ.headerNames()).containsExactly("content-type", "cache-control");
  }

  @Test
  void headersOutsideTheConfiguredSetAreNotCompared() {
    Outcome left = answered("ex-1", "GET /a", 200, "", Headers.of("Date", "Mon", "ETag", "1"), new byte[0]);
    Outcome right = answered("ex-1", "GET /a", 200, "", Headers.of("Date", "Tue", "Cache-Control", "no-store"),
        new byte[0]);
    assertThat(differ.diff(left, right).differences()).extracting(Difference::field, Difference::kind)
        .containsExactly(tuple("header:cache-control", DiffKind.EXTRA));
  }

  @Test
  void oneAnsweredTheOtherNotIsAnErrorDifferenceOnly() {
    ResponseDiff d = differ.diff(json("ex-1", "{'a':1}"), failed("ex-1", ErrorKind.TIMEOUT));
    assertThat(d.differences()).containsExactly(
        new Difference("error", "error", DiffKind.CHANGED_VALUE, "none", "timeout"));
    assertThat(d.body()).isEqualTo(BodyComparison.NOT_COMPARED);
    assertThat(differ.diff(failed("ex-1", ErrorKind.RESET), failed("ex-1", ErrorKind.RESET)).isEmpty()).isTrue();
  }

  @Test
  void truncatedBodiesCompareByWholeBodyDigestWithoutAJsonDiff() {
    byte[] whole = ("{\"items\":[" + "1,".repeat(100) + "1],\"v\":1}").getBytes(UTF_8);
    byte[] changedTail = ("{\"items\":[" + "1,".repeat(100) + "1],\"v\":2}").getBytes(UTF_8);
    ResponseDiff same = differ.diff(truncated("ex-1", "application/json", whole, 64),
        truncated("ex-1", "application/json", whole, 64));
    assertThat(same.isEmpty()).isTrue();
    assertThat(same.body()).isEqualTo(BodyComparison.DIGEST_TRUNCATED);

    ResponseDiff changed = differ.diff(truncated("ex-1", "application/json", whole, 64),
        truncated("ex-1", "application/json", changedTail, 64));
    assertThat(changed.body()).isEqualTo(BodyComparison.DIGEST_TRUNCATED);
    assertThat(changed.differences()).singleElement().satisfies(d -> {
      assertThat(d.field()).isEqualTo("body");
      assertThat(d.kind()).isEqualTo(DiffKind.CHANGED_VALUE);
      assertThat(d.left()).startsWith(Outcomes.digest(whole).substring(0, 20)).contains("cut at 64");
    });
  }

  @Test
  void truncatedAgainstWholeBodyIsComparedByDigestToo() {
    byte[] whole = "{\"a\":1}".getBytes(UTF_8);
    ResponseDiff d = differ.diff(json("ex-1", "{'a':1}"), truncated("ex-1", "application/json", whole, 3));
    assertThat(d.body()).isEqualTo(BodyComparison.DIGEST_TRUNCATED);
    assertThat(d.isEmpty()).isTrue();
  }

  @Test
  void textBodiesCompareAsAWholeShowingTheText() {
    Outcome left = answered("ex-1", "GET /a", 200, "text/html", Headers.EMPTY, "<p>hi</p>".getBytes(UTF_8));
    Outcome right = answered("ex-1", "GET /a", 200, "text/html", Headers.EMPTY, "<p>ho</p>".getBytes(UTF_8));
    ResponseDiff d = differ.diff(left, right);
    assertThat(d.body()).isEqualTo(BodyComparison.BYTES);
    assertThat(d.differences()).containsExactly(
        new Difference("body", "body", DiffKind.CHANGED_VALUE, "<p>hi</p>", "<p>ho</p>"));
  }

  @Test
  void binaryBodiesCompareByContentShowingSizeAndDigest() {
    byte[] a = {(byte) 0x89, 'P', 'N', 'G', 0, 1};
    byte[] b = {(byte) 0x89, 'P', 'N', 'G', 0, 2};
    Outcome left = answered("ex-1", "GET /a", 200, "image/png", Headers.EMPTY, a);
    Outcome right = answered("ex-1", "GET /a", 200, "image/png", Headers.EMPTY, b);
    assertThat(differ.diff(left, right).differences()).containsExactly(new Difference("body", "body",
        DiffKind.CHANGED_VALUE, "(6 bytes of binary, " + Outcomes.digest(a) + ")",
        "(6 bytes of binary, " + Outcomes.digest(b) + ")"));
    assertThat(differ.diff(left, answered("ex-1", "GET /a", 200, "image/png", Headers.EMPTY, a.clone())).isEmpty())
        .isTrue();
  }

  @Test
  void malformedJsonFallsBackToTextAndAKindChangeIsATypeChange() {
    Outcome broken = answered("ex-1", "GET /a", 200, "application/json", Headers.EMPTY, "{\"a\":".getBytes(UTF_8));
    Outcome trailing = answered("ex-1", "GET /a", 200, "application/json", Headers.EMPTY,
        "{\"a\":1} x".getBytes(UTF_8));
    assertThat(differ.diff(json("ex-1", "{'a':1}"), broken).differences())
        .containsExactly(new Difference("body", "body", DiffKind.CHANGED_TYPE, "{\"a\":1}", "{\"a\":"));
    assertThat(differ.diff(broken, trailing).differences()).extracting(Difference::kind)
        .containsExactly(DiffKind.CHANGED_VALUE);
    Outcome empty = answered("ex-1", "GET /a", 200, "application/json", Headers.EMPTY, new byte[0]);
    assertThat(differ.diff(empty, json("ex-1", "{}")).differences()).extracting(Difference::kind, Difference::left)
        .containsExactly(tuple(DiffKind.CHANGED_TYPE, "(empty)"));
  }

  @Test
  void statusAndHeaderDifferencesShareTheCapWithTheBody() {
    ResponseDiffer tight = new ResponseDiffer(List.of(), new DiffLimits(2, 64, 200));
    Outcome left = answered("ex-1", "GET /a", 200, "application/json", Headers.EMPTY, "{\"a\":1,\"b\":1}".getBytes(UTF_8));
    Outcome right = answered("ex-1", "GET /a", 201, "application/json", Headers.EMPTY, "{\"a\":2,\"b\":2}".getBytes(UTF_8));
    ResponseDiff d = tight.diff(left, right);
    assertThat(d.differences()).extracting(Difference::field).containsExactly("status", "$.a");
    assertThat(d.capped()).isTrue();
  }

  @Test
  void refusesOutcomesOfDifferentRequestsAndBadHeaderNames() {
    assertThatIllegalArgumentException().isThrownBy(() -> differ.diff(json("ex-1", "{}"), json("ex-2", "{}")))
        .withMessage("right: exchange ex-2 loop 0 (expected: the left one's, ex-1 loop 0)");
    assertThatIllegalArgumentException().isThrownBy(() -> new ResponseDiffer(List.of("cache control"),
        DiffLimits.DEFAULT)).withMessage("header name: \"cache control\" (expected: an HTTP token such as cache-control)");
  }
}
