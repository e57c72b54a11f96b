package dev.replaytwin.compare.diff;

import static dev.replaytwin.compare.diff.Outcomes.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

import dev.replaytwin.core.run.Outcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NoiseCancellerTest {
  private static final String ENDPOINT = "GET /items/{id}";

  private final ResponseDiffer differ = new ResponseDiffer(List.of(), DiffLimits.DEFAULT);
  private final Random random = new Random(42);

  private static String id(int i) {
    return String.format("ex-%05d", i);
  }

  /** A response with a fresh timestamp and request id, as every target's would have. */
  private Outcome volatileResponse(int i, String price) {
    return json(id(i), ENDPOINT, "{'id':" + i + ",'price':" + price + ",'meta':{'requestId':'" + UUID.randomUUID()
        + "','ts':" + random.nextInt(1_000_000) + "}}");
  }

  private void add(NoiseCanceller canceller, Outcome baseline, Outcome candidate, Outcome baseline2) {
    canceller.add(differ.diff(baseline, candidate), baseline2 == null ? null : differ.diff(baseline, baseline2));
  }

  private static FieldReport field(NoiseReport report, String field, DiffKind kind) {
    return report.endpoints().get(0).fields().stream()
        .filter(f -> f.field().equals(field) && f.kind() == kind).findFirst().orElseThrow();
  }

  @Test
  void batchesAddedInOrderCountAsEveryRequestAddedInOrder() {
    NoiseOptions options = NoiseOptions.defaults().withMaxFieldsPerEndpoint(6).withMaxExamples(3)
        .withIgnore(IgnoreRules.of(List.of("$.b", "status")));
    String[] fields = {"$.a", "$.b", "$.c", "$.d", "$.e", "$.f", "$.g", "$.h", "$.i", "status", "body"};
    DiffKind[] kinds = {DiffKind.CHANGED_VALUE, DiffKind.CHANGED_TYPE, DiffKind.MISSING};
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      order.add(i);
    }
    Collections.shuffle(order, random);
    List<ResponseDiff[]> requests = new ArrayList<>();
    for (int i : order) {
      String endpoint = "GET /e" + random.nextInt(3);
      ResponseDiff raw = randomDiff(id(i), endpoint, fields, kinds);
      requests.add(new ResponseDiff[] {raw, random.nextInt(4) == 0 ? null : randomDiff(id(i), endpoint, fields, kinds)});
    }

    NoiseCanceller one = new NoiseCanceller(options);
    requests.forEach(r -> one.add(r[0], r[1]));
    NoiseCanceller batched = new NoiseCanceller(options);
    for (int from = 0; from < requests.size(); ) {
      int to = Math.min(requests.size(), from + 1 + random.nextInt(60));
      NoiseCanceller.Batch batch = batched.newBatch();
      requests.subList(from, to).forEach(r -> batch.add(r[0], r[1]));
      batched.addAll(batch);
      from = to;
    }

    assertThat(batched.report()).isEqualTo(one.report());
    assertThat(one.report().endpoints()).allSatisfy(e -> assertThat(e.droppedDifferences()).isPositive());
    assertThat(one.report().endpoints()).allSatisfy(e -> assertThat(e.fields())
        .anySatisfy(f -> assertThat(f.classification()).isEqualTo(Classification.IGNORED)));
  }

  private ResponseDiff randomDiff(String id, String endpoint, String[] fields, DiffKind[] kinds) {
    List<Difference> differences = new ArrayList<>();
    for (int k = random.nextInt(5); k > 0; k--) {
      // Later fields are rarer, so keys are first seen at every point of the run.
      String field = fields[Math.min(fields.length - 1, (int) Math.abs(random.nextGaussian() * 4))];
      differences.add(new Difference(field, field, kinds[random.nextInt(kinds.length)], "1", "2"));
    }
    return new ResponseDiff(id, 0, endpoint, differences,
        random.nextInt(10) == 0 ? BodyComparison.DIGEST_TRUNCATED : BodyComparison.JSON, random.nextInt(10) == 0);
  }

  @Test
  void aBatchOfAnotherCancellerIsRefused() {
    NoiseCanceller one = new NoiseCanceller(NoiseOptions.defaults());
    NoiseCanceller other = new NoiseCanceller(NoiseOptions.defaults());
    assertThatIllegalArgumentException().isThrownBy(() -> one.addAll(other.newBatch()))
        .withMessageContaining("another canceller");
  }

  @Test
  void fieldsDifferingOnEveryResponseOfAllThreeTargetsAreNoise() {
    NoiseCanceller canceller = new NoiseCanceller(NoiseOptions.defaults());
    for (int i = 0; i < 200; i++) {
      add(canceller, volatileResponse(i, "10"), volatileResponse(i, "10"), volatileResponse(i, "10"));
    }
    EndpointReport endpoint = canceller.report().endpoints().get(0);
    assertThat(endpoint.fields()).extracting(FieldReport::field, FieldReport::kind, FieldReport::classification)
        .containsExactly(
            tuple("$.meta.requestId", DiffKind.CHANGED_VALUE, Classification.NOISE),
            tuple("$.meta.ts", DiffKind.CHANGED_VALUE, Classification.NOISE));
    assertThat(endpoint.regressions()).isEmpty();
    assertThat(endpoint.fields().get(0).rawCount()).isEqualTo(200);
    assertThat(endpoint.fields().get(0).noiseCount()).isEqualTo(200);
  }

  @Test
  void fieldRenamedOnlyInTheCandidateIsARegressionNamingBothSides() {
    NoiseCanceller canceller = new NoiseCanceller(NoiseOptions.defaults());
    for (int i = 0; i < 100; i++) {
      Outcome baseline = json(id(i), ENDPOINT, "{'id':" + i + ",'price':" + i + "}");
      Outcome candidate = json(id(i), ENDPOINT, "{'id':" + i + ",'amount':" + i + "}");
      Outcome baseline2 = json(id(i), ENDPOINT, "{'price':" + i + ",'id':" + i + "}");
      add(canceller, baseline, candidate, baseline2);
    }
    EndpointReport endpoint = canceller.report().endpoints().get(0);
    assertThat(endpoint.regressions()).extracting(FieldReport::field, FieldReport::kind, FieldReport::rawCount,
        FieldReport::noiseCount).containsExactly(
            tuple("$.amount", DiffKind.EXTRA, 100L, 0L),
            tuple("$.price", DiffKind.MISSING, 100L, 0L));
    assertThat(endpoint.regressions().get(1).rawExamples().get(0))
        .isEqualTo(new Example("ex-00000", 0, "$.price", "0", null));
  }

  @Test
  void fieldDifferingInTwoPercentOfCandidateResponsesAndNeverBetweenBaselinesIsARegression() {
    NoiseCanceller canceller = new NoiseCanceller(NoiseOptions.defaults());
    for (int i = 0; i < 1_000; i++) {
      String price = i % 50 == 7 ? "10.01" : "10";
      add(canceller, volatileResponse(i, "10"), volatileResponse(i, price), volatileResponse(i, "10.0"));
    }
    NoiseReport report = canceller.report();
    FieldReport price = field(report, "$.price", DiffKind.CHANGED_VALUE);
    assertThat(price.classification()).isEqualTo(Classification.REGRESSION);
    assertThat(price.pairs()).isEqualTo(1_000);
    assertThat(price.rawCount()).isEqualTo(20);
    assertThat(price.noisePairs()).isEqualTo(1_000);
    assertThat(price.noiseCount()).isZero();
    assertThat(price.rawRate()).isEqualTo(0.02);
    assertThat(price.noiseRate()).isZero();
    assertThat(field(report, "$.meta.ts", DiffKind.CHANGED_VALUE).classification()).isEqualTo(Classification.NOISE);
  }

  @Test
  void withoutASecondBaselineNothingIsNoiseUnlessAnIgnoreRuleSaysSo() {
    NoiseCanceller plain = new NoiseCanceller(NoiseOptions.defaults());
    NoiseCanceller ruled = new NoiseCanceller(NoiseOptions.defaults()
        .withIgnore(IgnoreRules.of(List.of("$..ts"))));
    for (int i = 0; i < 100; i++) {
      ResponseDiff raw = differ.diff(volatileResponse(i, "1"), volatileResponse(i, "1"));
      plain.add(raw, null);
      ruled.add(raw, null);
    }
    NoiseReport report = plain.report();
    assertThat(report.noiseMeasured()).isFalse();
    assertThat(report.endpoints().get(0).fields()).extracting(FieldReport::classification)
        .containsOnly(Classification.REGRESSION);
    assertThat(report.endpoints().get(0).fields().get(0).noiseRate()).isNaN();
    assertThat(report.caveats()).containsExactly(ENDPOINT + ": no second baseline, so no difference could be"
        + " measured as noise; only ignore rules silence fields");
    assertThat(ruled.report().endpoints().get(0).fields())
        .extracting(FieldReport::field, FieldReport::classification, FieldReport::ignoredBy).containsExactly(
            tuple("$.meta.requestId", Classification.REGRESSION, ""),
            tuple("$.meta.ts", Classification.IGNORED, "$..ts"));
  }

  @Test
  void ignoreRulesWinOverMeasuredRegressions() {
    NoiseCanceller canceller = new NoiseCanceller(NoiseOptions.defaults()
        .withIgnore(IgnoreRules.of(List.of("$.price"))));
    add(canceller, json("ex-1", ENDPOINT, "{'price':1}"), json("ex-1", ENDPOINT, "{'price':2}"),
        json("ex-1", ENDPOINT, "{'price':1}"));
    assertThat(field(canceller.report(), "$.price", DiffKind.CHANGED_VALUE).classification())
        .isEqualTo(Classification.IGNORED);
  }

  @Test
  void noisyValueThatChangesTypeOnlyInTheCandidateIsStillARegression() {
    NoiseCanceller canceller = new NoiseCanceller(NoiseOptions.defaults());
    for (int i = 0; i < 100; i++) {
      Outcome baseline = json(id(i), ENDPOINT, "{'ts':" + random.nextInt() + "}");
      Outcome candidate = json(id(i), ENDPOINT, i < 10 ? "{'ts':null}" : "{'ts':" + random.nextInt() + "}");
      add(canceller, baseline, candidate, json(id(i), ENDPOINT, "{'ts':" + random.nextInt() + "}"));
    }
    NoiseReport report = canceller.report();
    assertThat(field(report, "$.ts", DiffKind.CHANGED_VALUE).classification()).isEqualTo(Classification.NOISE);
    assertThat(field(report, "$.ts", DiffKind.CHANGED_TYPE).classification()).isEqualTo(Classification.REGRESSION);
  }

  @Test
  void aPairCountsOnceForAFieldHowEverManyElementsDiffer() {
    NoiseCanceller canceller = new NoiseCanceller(NoiseOptions.defaults().withMaxExamples(1));
    add(canceller, json("ex-1", ENDPOINT, "{'items':[{'p':1},{'p':2},{'p':3}]}"),
        json("ex-1", ENDPOINT, "{'items':[{'p':4},{'p':5},{'p':6}]}"), null);
    FieldReport p = field(canceller.report(), "$.items[*].p", DiffKind.CHANGED_VALUE);
    assertThat(p.rawCount()).isEqualTo(1);
    assertThat(p.rawExamples()).containsExactly(new Example("ex-1", 0, "$.items[0].p", "1", "4"));
  }

  @Test
  void examplesAreTheSmallestExchangeIdsWhateverTheArrivalOrder() {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      order.add(i);
    }
    List<List<Example>> runs = new ArrayList<>();
    for (long seed = 1; seed <= 3; seed++) {
      Collections.shuffle(order, new Random(seed));
      NoiseCanceller canceller = new NoiseCanceller(NoiseOptions.defaults().withMaxExamples(3));
      for (int i : order) {
        add(canceller, json(id(i), ENDPOINT, "{'v':" + i + "}"), json(id(i), ENDPOINT, "{'v':" + (i + 1) + "}"), null);
      }
      runs.add(field(canceller.report(), "$.v", DiffKind.CHANGED_VALUE).rawExamples());
    }
    assertThat(runs.get(0)).extracting(Example::exchangeId, Example::left, Example::right).containsExactly(
        tuple("ex-00000", "0", "1"), tuple("ex-00001", "1", "2"), tuple("ex-00002", "2", "3"));
    assertThat(runs.get(1)).isEqualTo(runs.get(0));
    assertThat(runs.get(2)).isEqualTo(runs.get(0));
  }

  @Test
  void distinctFieldsPerEndpointAreCappedAndTheOverflowCounted() {
    NoiseCanceller canceller = new NoiseCanceller(NoiseOptions.defaults().withMaxFieldsPerEndpoint(1_000));
    for (int i = 0; i < 50_000; i++) {
      String key = "k" + i;
      canceller.add(new ResponseDiff(id(i), 0, ENDPOINT, List.of(
          new Difference("$." + key, "$." + key, DiffKind.CHANGED_VALUE, "1", "2"),
          new Difference("$.shared", "$.shared", DiffKind.CHANGED_VALUE, "1", "2")), BodyComparison.JSON, false),
          null);
    }
    EndpointReport endpoint = canceller.report().endpoints().get(0);
    assertThat(endpoint.fields()).hasSize(1_000);
    assertThat(endpoint.pairs()).isEqualTo(50_000);
    assertThat(endpoint.droppedDifferences()).isEqualTo(50_000 - 999);
    assertThat(endpoint.fields()).allSatisfy(f -> assertThat(f.rawExamples()).hasSizeLessThanOrEqualTo(3));
    assertThat(field(canceller.report(), "$.shared", DiffKind.CHANGED_VALUE).rawCount()).isEqualTo(50_000);
    assertThat(canceller.report().caveats()).contains(ENDPOINT + ": 49001 differences at fields beyond the"
        + " per-endpoint field cap were counted but not judged");
  }

  @Test
  void digestOnlyAndCappedPairsAreCountedAndExplained() {
    NoiseCanceller canceller = new NoiseCanceller(NoiseOptions.defaults());
    canceller.add(new ResponseDiff("ex-1", 0, ENDPOINT, List.of(), BodyComparison.DIGEST_TRUNCATED, false),
        new ResponseDiff("ex-1", 0, ENDPOINT, List.of(), BodyComparison.DIGEST_TRUNCATED, false));
    canceller.add(new ResponseDiff("ex-2", 0, ENDPOINT, List.of(), BodyComparison.JSON, true),
        new ResponseDiff("ex-2", 0, ENDPOINT, List.of(), BodyComparison.JSON, false));
    EndpointReport endpoint = canceller.report().endpoints().get(0);
    assertThat(endpoint.digestOnlyPairs()).isEqualTo(1);
    assertThat(endpoint.cappedPairs()).isEqualTo(1);
    assertThat(canceller.report().caveats()).containsExactly(
        ENDPOINT + ": 1 of 2 pairs had a body cut at the replayer's cap and were compared by whole-body digest"
            + " only, without a JSON diff",
        ENDPOINT + ": 1 pairs had more differences than the diff limits allow; the rest are not counted");
  }

  @Test
  void endpointsAreJudgedSeparatelyAndReportedByName() {
    NoiseCanceller canceller = new NoiseCanceller(NoiseOptions.defaults());
    add(canceller, json("ex-1", "GET /b", "{'a':1}"), json("ex-1", "GET /b", "{'a':2}"), json("ex-1", "GET /b", "{'a':1}"));
    add(canceller, json("ex-2", "GET /a", "{'a':1}"), json("ex-2", "GET /a", "{'a':2}"), json("ex-2", "GET /a", "{'a':3}"));
    assertThat(canceller.report().endpoints()).extracting(EndpointReport::endpoint, e -> e.regressions().size())
        .containsExactly(tuple("GET /a", 0), tuple("GET /b", 1));
  }

  @Test
  void refusesANoiseDiffOfAnotherRequest() {
    NoiseCanceller canceller = new NoiseCanceller(NoiseOptions.defaults());
    assertThatIllegalArgumentException().isThrownBy(() -> canceller.add(
            new ResponseDiff("ex-1", 0, ENDPOINT, List.of(), BodyComparison.BYTES, false),
            new ResponseDiff("ex-2", 0, ENDPOINT, List.of(), BodyComparison.BYTES, false)))
        .withMessage("noise: GET /items/{id} exchange ex-2 loop 0 (expected: the raw diff's request,"
            + " GET /items/{id} exchange ex-1 loop 0)");
  }
}
