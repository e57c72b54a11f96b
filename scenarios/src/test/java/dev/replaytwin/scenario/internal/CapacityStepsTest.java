package dev.replaytwin.scenario.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replaytwin.compare.Decision;
import dev.replaytwin.core.Body;
import dev.replaytwin.core.Headers;
import dev.replaytwin.core.run.ErrorKind;
import dev.replaytwin.core.run.Outcome;
import dev.replaytwin.core.run.OutcomeWriter;
import dev.replaytwin.core.run.RunDirectory;
import dev.replaytwin.core.run.RunManifest;
import dev.replaytwin.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Capacity steps read from real outcome files: budget, sustained speed, stepping on or stopping, the decision. */
class CapacityStepsTest {
  private static final long T0 = 1_795_305_600_000_000_000L;
  private static final Scenario.Capacity BUDGET = new Scenario.Capacity(List.of(1.0, 2.0, 4.0, 8.0), 0.01,
      Duration.ofMillis(100));

  @TempDir Path dir;
  private int runs;

  /** One twin's latency (ms) and failed share at a step; warm-up rows are slow and failed and must not count. */
  private record Behaviour(double millis, double failedShare) {}

  @Test
  void theCandidateThatBreaksTheBudgetAtALowerSpeedFailsAndSteppingStopsWhenEveryTwinHasBroken() throws IOException {
    CapacitySteps steps = new CapacitySteps(BUDGET, List.of("baseline", "candidate"));

    assertThat(steps.measure(1, step(1, true, Map.of("baseline", new Behaviour(20, 0), "candidate",
        new Behaviour(30, 0))))).isTrue();
    assertThat(steps.measure(2, step(2, true, Map.of("baseline", new Behaviour(25, 0), "candidate",
        new Behaviour(40, 0.05))))).as("the baseline still holds").isTrue();
    assertThat(steps.measure(4, step(4, true, Map.of("baseline", new Behaviour(150, 0), "candidate",
        new Behaviour(60, 0))))).as("both have broken: the candidate's recovery at 4x does not count").isFalse();

    assertThat(steps.sustained("baseline")).isEqualTo(2);
    assertThat(steps.sustained("candidate")).isEqualTo(1);
    assertThat(steps.decision()).isEqualTo(Decision.FAIL);
    assertThat(steps.summary()).isEqualTo("baseline sustains 2x, candidate sustains 1x (budget: errors ≤ 1.00%,"
        + " p99 ≤ 100 ms)");
    CapacitySteps.Measure c2 = steps.steps().get(1).twins().get(1);
    assertThat(c2.requests()).isEqualTo(200);
    assertThat(c2.failed()).isEqualTo(10);
    assertThat(c2.withinBudget()).isFalse();

    List<Path> written = steps.write(dir, steps.decision());
    JsonNode json = new ObjectMapper().readTree(dir.resolve("capacity.json").toFile());
    assertThat(json.path("decision").asText()).isEqualTo("FAIL");
    assertThat(json.at("/sustained/baseline/speed").asDouble()).isEqualTo(2);
    assertThat(json.path("steps").size()).isEqualTo(3);
    assertThat(Files.readString(written.get(0))).contains("| 2x | candidate |", "| 5.00% |", "**no**");
  }

  @Test
  void aCandidateAsGoodAsTheBaselinePassesWithAtLeastTheTopStepAndAStepTheReplayerMissedDoesNotCount()
      throws IOException {
    CapacitySteps steps = new CapacitySteps(BUDGET, List.of("baseline", "candidate"));
    Map<String, Behaviour> fine = Map.of("baseline", new Behaviour(20, 0), "candidate", new Behaviour(21, 0));
    steps.measure(1, step(1, true, fine));
    steps.measure(2, step(2, true, fine));
    assertThat(steps.measure(4, step(4, false, Map.of("baseline", new Behaviour(20, 0), "candidate",
        new Behaviour(500, 1))))).as("the replayer fell behind: stop").isFalse();

    assertThat(steps.sustained("candidate")).isEqualTo(2);
    assertThat(steps.decision()).isEqualTo(Decision.PASS);
    assertThat(steps.summary()).startsWith("baseline sustains at least 2x, candidate sustains at least 2x");
  }

  @Test
  void aTwinThatExitsDuringAStepBrokeThereAndTheOtherSustainsAtLeastTheLastMeasured() throws IOException {
    CapacitySteps steps = new CapacitySteps(BUDGET, List.of("baseline", "candidate"));
    steps.measure(1, step(1, true, Map.of("baseline", new Behaviour(20, 0), "candidate", new Behaviour(21, 0))));
    steps.exited("candidate", 2);

    assertThat(steps.summary()).startsWith("baseline sustains at least 1x, candidate sustains 1x, then exited during"
        + " the 2x step");
    steps.write(dir, Decision.FAIL);
    JsonNode json = new ObjectMapper().readTree(dir.resolve("capacity.json").toFile());
    assertThat(json.at("/sustained/candidate/exitedAt").asDouble()).isEqualTo(2);
    assertThat(json.at("/sustained/candidate/atLeast").asBoolean()).isFalse();
  }

  @Test
  void aBaselineBrokenAtTheFirstStepOrTwoBaselinesThatDisagreeAreInconclusive() throws IOException {
    CapacitySteps broken = new CapacitySteps(BUDGET, List.of("baseline", "candidate"));
    broken.measure(1, step(1, true, Map.of("baseline", new Behaviour(200, 0), "candidate", new Behaviour(20, 0))));
    assertThat(broken.decision()).isEqualTo(Decision.INCONCLUSIVE);
    assertThat(broken.summary()).startsWith("baseline breaks the budget at 1x, candidate sustains at least 1x");

    CapacitySteps noisy = new CapacitySteps(BUDGET, List.of("baseline", "candidate", "baseline2"));
    noisy.measure(1, step(1, true, Map.of("baseline", new Behaviour(20, 0), "candidate", new Behaviour(20, 0),
        "baseline2", new Behaviour(20, 0))));
    noisy.measure(2, step(2, true, Map.of("baseline", new Behaviour(20, 0), "candidate", new Behaviour(200, 0),
        "baseline2", new Behaviour(200, 0))));
    assertThat(noisy.decision()).as("the candidate is as good as baseline2").isEqualTo(Decision.INCONCLUSIVE);
  }

  /** A step directory: 100 requests per speed unit per target after a warm-up of 10 bad rows. */
  private RunDirectory step(double speed, boolean valid, Map<String, Behaviour> twins) throws IOException {
    RunDirectory run = RunDirectory.at(dir.resolve("run" + (++runs)).resolve(CapacitySteps.stepName(speed)));
    long warmup = 1_000_000_000L;
    List<RunManifest.Target> targets = new ArrayList<>();
    for (var e : twins.entrySet()) {
      Files.createDirectories(run.targetDir(e.getKey()));
      int n = (int) (100 * speed);
      try (OutcomeWriter w = OutcomeWriter.create(run.outcomes(e.getKey()))) {
        for (int i = 0; i < 10; i++) {
          w.append(outcome("w" + i, T0 + i * 1000L, 10_000, 500));
        }
        int failed = (int) Math.round(n * e.getValue().failedShare());
        for (int i = 0; i < n; i++) {
          w.append(outcome("r" + i, T0 + warmup + i * 10_000_000L, (long) (e.getValue().millis() * 1e6),
              i < failed ? 503 : 200));
        }
      }
      targets.add(new RunManifest.Target(e.getKey(), "http://127.0.0.1:1", true, n + 10, n + 10, Map.of(), 0, 0));
    }
    Instant start = Instant.ofEpochSecond(0, T0);
    new RunManifest(RunManifest.VERSION, RunManifest.FINISHED, start.toString(), start.plusSeconds(10).toString(), T0,
        new RunManifest.Capture(List.of("c.twcap"), "cap-1", "sha256:abc", Map.of(), 100, 0), targets,
        new RunManifest.Schedule("scaled", true, speed, 0, 0, "", "", true, 1, "0/1", Map.of(), false, "PT1S"),
        new RunManifest.Health(valid, valid ? List.of() : List.of("send lag p99 over the bound"), 1_000_000,
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
        Map.of()).write(run.manifest());
    return run;
  }

  private static Outcome outcome(String id, long intended, long latency, int status) {
    return new Outcome(id, 0, "GET /search", "GET", intended, intended, latency, latency, status, ErrorKind.NONE, "",
        2, "", "application/json", Body.ofUtf8("{}"), Headers.EMPTY);
  }
}
