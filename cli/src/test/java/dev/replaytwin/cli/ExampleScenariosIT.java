package dev.replaytwin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example scenario of {@code scenarios/examples/}, run as a user runs it: the packaged twin
 * with {@code run}, real shop processes of both releases, payments simulators made from the demo's
 * egress capture. Each asserts the verdict the scenario is there to show.
 */
class ExampleScenariosIT {
  private static final Path EXAMPLES = ProcessRun.ROOT.resolve("scenarios/examples");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path reports;

  /** A planted regression of release 1.5 and the checks that may name it. */
  private record Regression(String name, Predicate<JsonNode> check) {}

  private static final List<Regression> PLANTED = List.of(
      new Regression("slower search for long queries", c -> is(c, "latency", "GET /search")),
      new Regression("500s on concurrent checkouts", c -> is(c, "errors", "POST /checkout")),
      new Regression("price renamed to amount", c -> is(c, "responses", "GET /products/{id}")
          && (name(c).contains("$.price") || name(c).contains("$.amount"))),
      new Regression("an extra payments call per checkout", c -> is(c, "dependencies", "(all)")
          && name(c).equals("payments GET /v1/charges/{token} calls")),
      new Regression("a search cache that grows without bound", c -> is(c, "resources", "(all)")
          && name(c).contains("rss")));

  /** The leak's other faces: the CPU its garbage collections cost. */
  private static final Predicate<JsonNode> LEAK_COST = c -> is(c, "resources", "(all)");

  /**
   * Failing checks that follow from a planted regression without being one: the pooled {@code (all)}
   * latency and failures (made of the search's and the checkout's), and the checkout's latency (its
   * extra payments call).
   */
  private static final List<Predicate<JsonNode>> CONSEQUENCES = List.of(
      c -> is(c, "latency", "(all)"),
      c -> is(c, "errors", "(all)"),
      c -> is(c, "latency", "POST /checkout"),
      LEAK_COST);

  @Test
  void theReleaseGateFailsNamingEveryPlantedRegressionAndNothingElse() throws Exception {
    ProcessRun r = run("release-gate.yaml");

    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out()).startsWith("FAIL: ").contains("report: " + reports.resolve("index.html"));
    assertThat(r.out()).as("every endpoint that failed is on the screen, explained")
        .containsPattern("FAIL +GET /search +latency")
        .containsPattern("FAIL +POST /checkout +errors")
        .containsPattern("FAIL +GET /products/\\{id} +responses");
    List<JsonNode> failed = failed(verdict());
    Map<String, List<String>> named = new LinkedHashMap<>();
    for (Regression regression : PLANTED) {
      named.put(regression.name(), failed.stream().filter(regression.check()).map(ExampleScenariosIT::describe)
          .toList());
    }
    assertThat(named).as("every planted regression is named").allSatisfy((regression, checks) ->
        assertThat(checks).as(regression).isNotEmpty());
    assertThat(failed).as("nothing else fails").allMatch(c -> PLANTED.stream().anyMatch(p -> p.check().test(c))
        || CONSEQUENCES.stream().anyMatch(p -> p.test(c)), "is a planted regression or follows from one");
  }

  @Test
  void theCleanGatePasses() throws Exception {
    ProcessRun r = run("release-gate-clean.yaml");

    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).startsWith("PASS: ");
    assertThat(failed(verdict())).isEmpty();
  }

  @Test
  void theIncidentWindowAtFourTimesTheSpeedShowsTheCheckoutFailures() throws Exception {
    ProcessRun r = run("incident-replay.yaml");

    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
    JsonNode verdict = verdict();
    assertThat(failed(verdict)).anyMatch(c -> is(c, "errors", "POST /checkout"));
    JsonNode run = JSON.readTree(reports.resolve("run/run.json").toFile());
    assertThat(run.at("/schedule/speed").asDouble()).isEqualTo(4);
    assertThat(run.at("/schedule/filters").toString()).contains("from", "to");
  }

  @Test
  void aSlowerPaymentsApiSlowsTheCandidatesCheckoutMoreThanTheBaselines() throws Exception {
    ProcessRun r = run("dependency-slowdown.yaml");

    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
    JsonNode checkout = failed(verdict()).stream().filter(c -> is(c, "latency", "POST /checkout")).findFirst()
        .orElseThrow(() -> new AssertionError("no failing POST /checkout latency check in " + r.out()));
    assertThat(checkout.at("/candidate/value").asDouble()).isGreaterThan(checkout.at("/baseline/value").asDouble());
  }

  @Test
  void theSoakShowsTheCandidatesLeakAsAMemorySlope() throws Exception {
    ProcessRun r = run("soak.yaml");

    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(failed(verdict())).anyMatch(c -> is(c, "resources", "(all)") && name(c).equals("rss slope"));
    JsonNode run = JSON.readTree(reports.resolve("run/run.json").toFile());
    assertThat(run.at("/schedule/loop").asBoolean()).isTrue();
  }

  @Test
  void capacityReportsTheHighestSpeedEachReleaseSustains() throws Exception {
    ProcessRun r = run("capacity.yaml");

    assertThat(r.exitCode()).as(r.out() + r.err()).isIn(0, 1);
    JsonNode capacity = JSON.readTree(reports.resolve("capacity.json").toFile());
    double baseline = capacity.at("/sustained/baseline/speed").asDouble();
    double candidate = capacity.at("/sustained/candidate/speed").asDouble();
    assertThat(baseline).as(r.out()).isGreaterThanOrEqualTo(2);
    // Release 1.5's leaky cache may run it out of heap at the top speeds: an exit during a step is a FAIL.
    boolean candidateExited = capacity.at("/sustained/candidate/exitedAt").isNumber();
    assertThat(r.exitCode()).as(r.out()).isEqualTo(candidate < baseline || candidateExited ? 1 : 0);
    assertThat(capacity.path("steps").size()).isBetween(1, 5);
    assertThat(r.out()).contains("baseline sustains", "candidate ");
    assertThat(Files.readString(reports.resolve("capacity.md"))).contains("| 2x | baseline |");
  }

  private ProcessRun run(String scenario) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(ProcessRun.java(), "-jar", ProcessRun.TWIN_JAR.toString(), "run",
        EXAMPLES.resolve(scenario).toString(), "--report-dir", reports.toString(), "--progress", "none"));
    return ProcessRun.run(command, ProcessRun.ROOT, Map.of(), Duration.ofMinutes(10));
  }

  private JsonNode verdict() throws IOException {
    return JSON.readTree(reports.resolve("verdict.json").toFile());
  }

  private static List<JsonNode> failed(JsonNode verdict) {
    List<JsonNode> out = new ArrayList<>();
    verdict.path("checks").forEach(c -> {
      if (c.path("decision").asText().equals("FAIL")) {
        out.add(c);
      }
    });
    return out;
  }

  private static boolean is(JsonNode check, String category, String endpoint) {
    return check.path("category").asText().equals(category) && check.path("endpoint").asText().equals(endpoint);
  }

  private static String name(JsonNode check) {
    return check.path("name").asText();
  }

  private static String describe(JsonNode check) {
    return check.path("endpoint").asText() + " " + check.path("category").asText() + " " + name(check);
  }
}
