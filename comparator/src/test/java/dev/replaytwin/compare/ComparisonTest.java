package dev.replaytwin.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.replaytwin.core.Sha256;
import dev.replaytwin.core.run.CallLog;
import dev.replaytwin.core.run.DependencyCall;
import dev.replaytwin.core.run.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonTest {
  private static final int REQUESTS = 30_000;

  @TempDir
  Path dir;

  private static Map<String, SyntheticRun.Change> targets(SyntheticRun.Change candidate, boolean noise) {
    Map<String, SyntheticRun.Change> m = new LinkedHashMap<>();
    m.put("baseline", SyntheticRun.Change.NONE);
    m.put("candidate", candidate);
    if (noise) {
      m.put("baseline2", SyntheticRun.Change.NONE);
    }
    return m;
  }

  private Verdict compare(SyntheticRun run, boolean noise) throws Exception {
    return compare(run, noise, GatePolicy.standard());
  }

  private Verdict compare(SyntheticRun run, boolean noise, GatePolicy policy) throws Exception {
    Path root = run.write(Files.createTempDirectory(dir, "run"));
    return Comparison.run(new CompareOptions(List.of(root), "baseline", "candidate", noise ? "baseline2" : "",
        policy));
  }

  private static List<Verdict.Check> failed(Verdict v) {
    return v.checks().stream().filter(c -> c.decision() == Decision.FAIL).toList();
  }

  @Test
  void identicalTargetsPass() throws Exception {
    Verdict v = compare(new SyntheticRun(1, REQUESTS, targets(SyntheticRun.Change.NONE, true)), true);
    assertThat(failed(v)).isEmpty();
    assertThat(v.decision()).as(v.headline()).isEqualTo(Decision.PASS);
    assertThat(v.checks()).anyMatch(c -> c.category().equals("latency") && c.name().equals("p99")
        && c.endpoint().equals("GET /search"));
    assertThat(v.calibration().detectable()).containsKey("GET /search");
  }

  @Test
  void aSlowerP99OnOneEndpointFailsNamingThatEndpoint() throws Exception {
    SyntheticRun.Change slowSearch = (endpoint, i, random, row) -> endpoint.equals("GET /search")
        ? new SyntheticRun.Row((long) (row.latencyNanos() * 1.3), row.status(), row.body()) : row;
    // GET /search's p99 is about 6 ms here: +30% is 2 ms, under the standard 5 ms allowance.
    assertThat(compare(new SyntheticRun(2, REQUESTS, targets(slowSearch, true)), true).decision())
        .isEqualTo(Decision.PASS);
    GatePolicy strict = new GatePolicy("t", "", 0.95, 0.05, new GatePolicy.Rules(100, List.of(50.0, 90.0, 99.0),
        new GatePolicy.Allowance(0.10, 1), 0.001, 0.001, false), Map.of(), List.of(), List.of());
    Verdict v = compare(new SyntheticRun(2, REQUESTS, targets(slowSearch, true)), true, strict);
    assertThat(v.decision()).isEqualTo(Decision.FAIL);
    assertThat(failed(v)).isNotEmpty().allMatch(c -> c.endpoint().equals("GET /search")
        || c.endpoint().equals(Verdict.Check.ALL));
    Verdict.Check p99 = failed(v).stream().filter(c -> c.name().equals("p99") && c.endpoint().equals("GET /search"))
        .findFirst().orElseThrow();
    assertThat(p99.effect().relative()).isBetween(0.2, 0.4);
    assertThat(p99.effect().relativeLow()).isGreaterThan(0.10);
    assertThat(p99.qValue()).isLessThan(0.05);
    assertThat(v.headline()).contains("GET /search");
  }

  @Test
  void twoPercentMoreFailuresOnCheckoutFails() throws Exception {
    SyntheticRun.Change failing = (endpoint, i, random, row) -> endpoint.equals("POST /checkout")
        && random.nextDouble() < 0.02 ? new SyntheticRun.Row(row.latencyNanos(), 500, "{\"error\":\"boom\"}") : row;
    Verdict v = compare(new SyntheticRun(3, REQUESTS, targets(failing, true)), true);
    assertThat(v.decision()).isEqualTo(Decision.FAIL);
    Verdict.Check errors = failed(v).stream().filter(c -> c.category().equals("errors")
        && c.endpoint().equals("POST /checkout")).findFirst().orElseThrow();
    assertThat(errors.candidate().value()).isBetween(1.5, 2.5);
    assertThat(errors.examples()).isNotEmpty().allMatch(e -> e.detail().contains("candidate 500"));
    assertThat(errors.nextStep()).contains("got 500").contains("see exchanges");
  }

  @Test
  void aRenamedJsonFieldFailsNamingThePath() throws Exception {
    SyntheticRun.Change renamed = (endpoint, i, random, row) -> endpoint.equals("GET /products/{id}")
        ? new SyntheticRun.Row(row.latencyNanos(), row.status(), row.body().replace("\"price\"", "\"amount\"")) : row;
    Verdict v = compare(new SyntheticRun(4, REQUESTS, targets(renamed, true)), true);
    assertThat(v.decision()).isEqualTo(Decision.FAIL);
    assertThat(failed(v)).extracting(Verdict.Check::name).contains("$.price missing", "$.amount extra");
    assertThat(failed(v)).allMatch(c -> c.endpoint().equals("GET /products/{id}"));
  }

  @Test
  void aTimestampThatDiffersEverywhereIsNoiseAndPasses() throws Exception {
    Verdict v = compare(new SyntheticRun(5, REQUESTS, targets(SyntheticRun.Change.NONE, true))
        .withVolatileFields(), true);
    assertThat(v.decision()).as(v.headline()).isEqualTo(Decision.PASS);
    assertThat(v.checks()).anyMatch(c -> c.name().startsWith("$.ts") && c.decision() == Decision.PASS
        && c.explanation().contains("noise"));
  }

  @Test
  void withoutASecondBaselineTheSameTimestampFailsUnlessIgnored() throws Exception {
    SyntheticRun run = new SyntheticRun(6, REQUESTS, targets(SyntheticRun.Change.NONE, false)).withVolatileFields();
    assertThat(compare(run, false).decision()).isEqualTo(Decision.FAIL);
    GatePolicy ignoring = new GatePolicy("t", "", 0.95, 0.05, GatePolicy.standardRules(), Map.of(),
        List.of("content-type"), List.of("$.ts"));
    assertThat(compare(run, false, ignoring).decision()).isEqualTo(Decision.PASS);
  }

  @Test
  void memoryThatClimbsOnlyOnTheCandidateFailsAsALeak() throws Exception {
    SyntheticRun run = new SyntheticRun(12, 6_000, targets(SyntheticRun.Change.NONE, true))
        .withResources("baseline", 0.5, 400, 0).withResources("candidate", 0.5, 400, 30)
        .withResources("baseline2", 0.5, 400, 0);
    Verdict v = compare(run, true);
    assertThat(v.decision()).isEqualTo(Decision.FAIL);
    assertThat(failed(v)).extracting(Verdict.Check::name).containsExactly("rss slope");
    assertThat(failed(v).get(0).explanation()).contains("the shape of a leak");
    assertThat(v.charts().series()).anyMatch(s -> s.metric().equals("rss") && s.target().equals("candidate"));
  }

  @Test
  void moreCpuPerRequestFailsAndTheSameUsePasses() throws Exception {
    SyntheticRun hungry = new SyntheticRun(13, 6_000, targets(SyntheticRun.Change.NONE, true))
        .withResources("baseline", 0.5, 400, 0).withResources("candidate", 0.8, 400, 0)
        .withResources("baseline2", 0.5, 400, 0);
    assertThat(failed(compare(hungry, true))).extracting(Verdict.Check::name).containsExactly("cpu per 1k requests");
    SyntheticRun same = new SyntheticRun(14, 6_000, targets(SyntheticRun.Change.NONE, true))
        .withResources("baseline", 0.5, 400, 0).withResources("candidate", 0.5, 400, 0)
        .withResources("baseline2", 0.5, 400, 0);
    Verdict v = compare(same, true);
    assertThat(v.decision()).as(v.headline()).isEqualTo(Decision.PASS);
    assertThat(v.checks()).filteredOn(c -> c.category().equals("resources")).extracting(Verdict.Check::name)
        .containsExactlyInAnyOrder("cpu per 1k requests", "mean rss", "peak rss", "rss slope");
  }

  @Test
  void gcTimeIsJudgedOnlyWhenItsChangeMattersBesideTheCpuTime() throws Exception {
    // A service that collects a few times a minute: twice as many collections is chance, and a
    // change of 0.2% of its CPU time. Forty times as many is 8% of it: a regression.
    SyntheticRun rare = new SyntheticRun(15, 6_000, targets(SyntheticRun.Change.NONE, true))
        .withResources("baseline", 0.5, 400, 0).withResources("candidate", 0.5, 400, 0)
        .withResources("baseline2", 0.5, 400, 0)
        .withGc("baseline", 0.001).withGc("candidate", 0.002).withGc("baseline2", 0.001);
    Verdict v = compare(rare, true);
    Verdict.Check gc = v.checks().stream().filter(c -> c.name().equals("gc per 1k requests")).findFirst()
        .orElseThrow();
    assertThat(gc.decision()).as(gc.explanation()).isEqualTo(Decision.PASS);
    assertThat(gc.effect().relative()).isGreaterThan(0.5);
    assertThat(gc.explanation()).contains("1% of the baseline's CPU time) are not judged");

    SyntheticRun busy = new SyntheticRun(16, 6_000, targets(SyntheticRun.Change.NONE, true))
        .withResources("baseline", 0.5, 400, 0).withResources("candidate", 0.5, 400, 0)
        .withResources("baseline2", 0.5, 400, 0)
        .withGc("baseline", 0.001).withGc("candidate", 0.04).withGc("baseline2", 0.001);
    assertThat(failed(compare(busy, true))).extracting(Verdict.Check::name).containsExactly("gc per 1k requests");
  }

  @Test
  void tooFewRequestsAreInconclusiveNotPass() throws Exception {
    Verdict v = compare(new SyntheticRun(7, 120, targets(SyntheticRun.Change.NONE, false)), false);
    assertThat(v.decision()).isEqualTo(Decision.INCONCLUSIVE);
    assertThat(v.checks()).anyMatch(c -> c.category().equals("samples") && c.decision() == Decision.INCONCLUSIVE);
  }

  @Test
  void aRunTheReplayerMarkedInvalidIsInconclusive() throws Exception {
    Verdict v = compare(new SyntheticRun(8, REQUESTS, targets(SyntheticRun.Change.NONE, false)).invalid(), false);
    assertThat(v.decision()).isEqualTo(Decision.INCONCLUSIVE);
    assertThat(v.inputs().replayValid()).isFalse();
    assertThat(v.notes()).anyMatch(n -> n.contains("send lag"));
  }

  @Test
  void aPolicyNamingAnEndpointTheRunLacksIsAnError() throws Exception {
    GatePolicy policy = new GatePolicy("t", "", 0.95, 0.05, GatePolicy.standardRules(),
        Map.of("GET /serach", GatePolicy.standardRules()), List.of(), List.of());
    assertThatThrownBy(() -> compare(new SyntheticRun(9, 300, targets(SyntheticRun.Change.NONE, false)), false,
        policy)).isInstanceOf(CompareException.class).hasMessageContaining("\"GET /serach\" is not in this run");
  }

  @Test
  void aTargetTheRunLacksIsAnError() throws Exception {
    Path root = new SyntheticRun(10, 300, targets(SyntheticRun.Change.NONE, false)).write(dir.resolve("r"));
    assertThatThrownBy(() -> Comparison.run(new CompareOptions(List.of(root), "baseline", "canary", "",
        GatePolicy.standard()))).isInstanceOf(CompareException.class)
        .hasMessageContaining("no target named canary").hasMessageContaining("baseline, candidate");
    assertThatThrownBy(() -> Comparison.run(new CompareOptions(List.of(dir.resolve("none")), "baseline",
        "candidate", "", GatePolicy.standard()))).isInstanceOf(CompareException.class)
        .hasMessageContaining("no such run directory");
  }

  @Test
  void theShardsOfOneRunArePooled() throws Exception {
    Path a = new SyntheticRun(15, 3_000, targets(SyntheticRun.Change.NONE, false)).write(dir.resolve("shard0"));
    Path b = new SyntheticRun(16, 2_000, targets(SyntheticRun.Change.NONE, false)).write(dir.resolve("shard1"));
    Verdict v = Comparison.run(new CompareOptions(List.of(a, b), "baseline", "candidate", "", GatePolicy.standard()));
    assertThat(v.endpoints()).filteredOn(e -> e.endpoint().equals(Verdict.Check.ALL))
        .singleElement().extracting(Verdict.EndpointSummary::requests).isEqualTo(5_000L);
    assertThat(v.inputs().digests()).containsKeys("0/run.json", "1/run.json");
  }

  @Test
  void theVerdictDigestsEveryFileItJudged() throws Exception {
    Path root = new SyntheticRun(17, 2_000, targets(SyntheticRun.Change.NONE, false)).write(dir.resolve("calls"));
    RunDirectory run = RunDirectory.at(root);
    for (String target : List.of("baseline", "candidate")) {
      try (CallLog log = CallLog.append(run.calls(target))) {
        log.write(new DependencyCall(1_000_000_000L, "payments", "POST", "/v1/charges", "POST /v1/charges", 200, "",
            false, ""));
      }
    }

    Verdict v = Comparison.run(new CompareOptions(List.of(root), "baseline", "candidate", "", GatePolicy.standard()));

    assertThat(v.inputs().digests()).containsKeys("run.json", "targets/baseline/outcomes.jsonl.zst",
        "targets/candidate/outcomes.jsonl.zst");
    // The dependency calls are judged too, so a verdict names the call logs it read.
    assertThat(v.inputs().digests()).containsEntry("targets/candidate/calls.jsonl",
        Sha256.ofFiles(List.of(run.calls("candidate"))));
    assertThat(v.inputs().digests()).containsKey("targets/baseline/calls.jsonl");
  }

  @Test
  void theSameInputsGiveTheSameVerdict() throws Exception {
    SyntheticRun.Change slow = (endpoint, i, random, row) ->
        new SyntheticRun.Row(row.latencyNanos() + 300_000, row.status(), row.body());
    Path root = new SyntheticRun(11, 6_000, targets(slow, true)).write(dir.resolve("same"));
    CompareOptions o = new CompareOptions(List.of(root), "baseline", "candidate", "baseline2", GatePolicy.standard());
    assertThat(Comparison.run(o)).isEqualTo(Comparison.run(o));
  }
}
