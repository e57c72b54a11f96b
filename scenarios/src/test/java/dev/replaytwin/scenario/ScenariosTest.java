package dev.replaytwin.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.replaytwin.compare.report.ReportFormat;
import dev.replaytwin.core.capture.TimePoint;
import dev.replaytwin.deploy.TwinSpec;
import dev.replaytwin.replay.Pacing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenariosTest {
  @TempDir Path dir;

  @Test
  void readsAWholeScenarioWithPathsRelativeToItsFile() throws Exception {
    Files.createDirectories(dir.resolve("captures"));
    Files.writeString(dir.resolve("captures/shop.twcap"), "x");
    Files.createDirectories(dir.resolve("stubs"));
    Path file = write("gate.yaml", """
        name: release-gate
        description: 1.4 against 1.5
        capture:
          file: captures/shop.twcap
          from: +30s
          to: +5m
          include: ["GET /search"]
          session: cookie:session
        twins:
          baseline:
            process:
              command: [java, -jar, shop.jar, --port, "${port}", --payments, "${dep.payments.url}"]
              env: {SHOP_RELEASE: "1.4"}
            docker:
              image: shop:1.4
              port: 8080
            health: /health
          candidate:
            process:
              command: [java, -jar, shop.jar, --port, "${port}"]
            health:
              path: /health
              timeout: 20s
        dependencies:
          stubs: stubs
          proxy: {payments: "https://api.payments.example"}
        replay:
          rate: 200/s
          poisson: true
          seed: 7
          duration: 2m
          warmup: 10s
        gate:
          version: 3
          defaults:
            latency: {allow: {relative: 10%, absolute: 5ms}}
        report:
          dir: out/report
          formats: [md, json]
        """);

    Scenario s = Scenarios.load(file).get(0);

    assertThat(s.name()).isEqualTo("release-gate");
    assertThat(s.capture().file()).isEqualTo(dir.resolve("captures/shop.twcap"));
    assertThat(s.capture().from()).isEqualTo(new TimePoint.AfterFirst(Duration.ofSeconds(30)));
    assertThat(s.twins().names()).containsExactly("baseline", "candidate");
    TwinSpec.Process baseline = (TwinSpec.Process) s.twins().spec("baseline", null);
    assertThat(baseline.command()).contains("${dep.payments.url}");
    assertThat(baseline.env()).isEqualTo(Map.of("SHOP_RELEASE", "1.4"));
    assertThat(baseline.workingDir()).isEqualTo(dir.toAbsolutePath().normalize());
    assertThat(baseline.health().path()).isEqualTo("/health");
    assertThat(s.twins().spec("candidate", null).health().timeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(((TwinSpec.Docker) s.twins().spec("baseline", "docker")).image()).isEqualTo("shop:1.4");
    assertThat(s.dependencies().stubs()).isEqualTo(dir.resolve("stubs"));
    assertThat(s.replay().pacing()).isEqualTo(new Pacing.Poisson(200, 7));
    assertThat(s.replay().warmup()).isEqualTo(Duration.ofSeconds(10));
    assertThat(s.gate().policy().version()).isEqualTo("3");
    assertThat(s.gate().policy().defaults().latency().relative()).isEqualTo(0.10);
    assertThat(s.report().dir()).isEqualTo(dir.resolve("out/report"));
    assertThat(s.report().formats()).containsExactlyInAnyOrder(ReportFormat.MD, ReportFormat.JSON);
  }

  @Test
  void reportsEveryProblemAtOnceWithLineAndField() throws IOException {
    Path file = write("bad.yaml", """
        capture:
          file: missing.twcap
          sample: 2
        twins:
          driver: docker
          candidate:
            process:
              env: {A: b}
            helth: /health
        replay:
          speed: 2
          rate: 100/s
          warmup: soon
        gate:
          version: 1
          defaults: {minSamples: -3}
        """);

    ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> Scenarios.load(file));

    List<String> p = e.problems();
    assertThat(p).anyMatch(l -> l.startsWith(file + ":2: capture.file: missing.twcap: no such capture file"));
    assertThat(p).anyMatch(l -> l.startsWith(file + ":3: capture.sample: 2 (expected: a number from 0 to 1)"));
    assertThat(p).anyMatch(l -> l.contains(":7: twins.candidate.process.command: missing"));
    assertThat(p).anyMatch(l -> l.contains(":9: twins.candidate.helth: unknown key"));
    assertThat(p).anyMatch(l -> l.contains("twins.baseline: missing"));
    assertThat(p).anyMatch(l -> l.contains("replay: speed, rate and max given together"));
    assertThat(p).anyMatch(l -> l.contains(":13: replay.warmup: soon (expected: a duration"));
    assertThat(p).anyMatch(l -> l.startsWith(file + ":16: defaults.minSamples: -3"));
    assertThat(p).isSortedAccordingTo((a, b) -> Integer.compare(line(a, file), line(b, file)));
  }

  @Test
  void aSuiteIsEveryScenarioInAFolderInNameOrderAndOneBadFileStopsAll() throws IOException {
    Files.writeString(dir.resolve("c.twcap"), "x");
    String ok = """
        capture: {file: c.twcap}
        twins:
          baseline: {external: {url: "http://127.0.0.1:1"}}
          candidate: {external: {url: "http://127.0.0.1:2"}}
        """;
    write("b-second.yaml", ok);
    write("a-first.yml", ok);
    write("notes.txt", "not a scenario");

    assertThat(loadNames()).containsExactly("a-first", "b-second");

    write("c-broken.yaml", ok.replace("c.twcap", "gone.twcap"));
    assertThat(catchThrowableOfType(ScenarioException.class, () -> Scenarios.load(dir)).problems())
        .singleElement().asString().contains("c-broken.yaml:1: capture.file: gone.twcap: no such capture file");
  }

  @Test
  void aDriverOverrideNeedsThatDriversSpec() throws Exception {
    Files.writeString(dir.resolve("c.twcap"), "x");
    Scenario s = Scenarios.load(write("s.yaml", """
        capture: {file: c.twcap}
        twins:
          baseline: {process: {command: [a]}}
          candidate: {process: {command: [b]}}
        """)).get(0);

    assertThat(s.replay().pacing()).isEqualTo(new Pacing.Scaled(1));
    assertThat(s.report().dir()).isEqualTo(dir.resolve("reports/s"));
    assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> s.twins().spec("candidate", "docker")))
        .hasMessage("twins.candidate.docker: missing (this twin can start with: process)");
  }

  @Test
  void aCapacitySectionStepsThroughSpeedsWithABudgetAndTakesThePlaceOfThePace() throws Exception {
    Files.writeString(dir.resolve("c.twcap"), "x");
    String twins = """
        capture: {file: c.twcap}
        twins:
          baseline: {process: {command: [a]}}
          candidate: {process: {command: [b]}}
        """;
    Scenario s = Scenarios.load(write("cap.yaml", twins + """
        replay: {duration: 30s, warmup: 5s}
        capacity:
          speeds: [1, 2x, 4, 8]
          budget: {errors: 2%, p99: 250ms}
        """)).get(0);

    assertThat(s.capacity()).isEqualTo(new Scenario.Capacity(List.of(1.0, 2.0, 4.0, 8.0), 0.02,
        java.time.Duration.ofMillis(250)));

    Path bad = write("bad.yaml", twins + """
        replay: {speed: 2}
        capacity:
          speeds: [2, 1]
          budget: {errors: 2%}
        """);
    assertThat(catchThrowableOfType(ScenarioException.class, () -> Scenarios.load(bad)).problems())
        .containsExactlyInAnyOrder(
            bad + ":8: capacity.budget.p99: missing (expected: the p99 latency a step may not exceed, e.g. p99: 250ms)",
            bad + ":5: replay.speed: given with capacity (expected: none; capacity.speeds sets the speed of each step)",
            bad + ":5: replay.duration: missing (expected: how long each capacity step replays, e.g. duration: 30s)");
    Path falling = write("falling.yaml", twins + """
        replay: {duration: 10s}
        capacity: {speeds: [2, 1], budget: {p99: 1s}}
        """);
    assertThat(catchThrowableOfType(ScenarioException.class, () -> Scenarios.load(falling)).problems())
        .containsExactly(falling + ":6: capacity.speeds: [2.0, 1.0] (expected: positive and rising, e.g. [1, 2, 4, 8])");
  }

  private List<String> loadNames() {
    try {
      return Scenarios.load(dir).stream().map(Scenario::name).toList();
    } catch (ScenarioException e) {
      throw new AssertionError(e.problems().toString());
    }
  }

  private static int line(String problem, Path file) {
    String rest = problem.substring(file.toString().length() + 1);
    return Integer.parseInt(rest.substring(0, rest.indexOf(':')));
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }
}
