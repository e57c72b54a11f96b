package dev.replaytwin.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.replaytwin.compare.Decision;
import dev.replaytwin.compare.GatePolicy;
import dev.replaytwin.compare.Verdict;
import dev.replaytwin.core.run.RunDirectory;
import dev.replaytwin.scenario.demo.Release;
import dev.replaytwin.scenario.demo.ShopService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** {@link ReplayTwin} used directly, without the annotation, against the demo shop on real sockets. */
class ReplayTwinIT {
  @TempDir
  Path tmp;

  @Test
  void aSecondBaselineTellsVolatileFieldsFromARenamedOne() throws Exception {
    try (ShopService stable = new ShopService("127.0.0.1", 0, Release.V1_4, "http://127.0.0.1:9");
        ShopService stable2 = new ShopService("127.0.0.1", 0, Release.V1_4, "http://127.0.0.1:9");
        ShopService regressed = new ShopService("127.0.0.1", 0, Release.V1_5, "http://127.0.0.1:9")) {
      Path capture = tmp.resolve("shop.twcap");
      ShopIncident.record(ReplayTestIT.url(stable), capture, 240);
      // No ignore rules: requestId and servedAt differ everywhere, and only the second baseline says so.
      // Latency may grow by an hour: on a shared build machine it says more about the machine than the shops.
      GatePolicy policy = new GatePolicy("no-ignores", "", 0.95, 0.05, new GatePolicy.Rules(50,
          List.of(50.0), new GatePolicy.Allowance(0.10, 3_600_000), 0.001, 0.001, false), Map.of(),
          List.of("content-type"), List.of());

      ReplayResult r = ReplayTwin.builder(capture)
          .policy(policy)
          .baseline(ReplayTestIT.url(stable))
          .noise(ReplayTestIT.url(stable2))
          .candidate(ReplayTestIT.url(regressed))
          .rate("400/s")
          .lagBound(Duration.ofMinutes(1))
          .reportDir(tmp.resolve("report"))
          .formats("md,json")
          .build()
          .run();

      assertThat(r.decision()).as(r.message()).isEqualTo(Decision.FAIL);
      List<Verdict.Check> failed = r.verdict().checks().stream().filter(c -> c.decision() == Decision.FAIL).toList();
      assertThat(failed).isNotEmpty().allMatch(c -> c.endpoint().equals("GET /products/{id}"))
          .anyMatch(c -> c.name().startsWith("$.price"))
          .noneMatch(c -> c.name().contains("requestId") || c.name().contains("servedAt"));
      assertThat(r.verdict().inputs().noise()).isEqualTo("baseline2");
      assertThat(RunDirectory.at(r.runDir()).targets()).containsExactlyInAnyOrder("baseline", "candidate", "baseline2");
      assertThat(r.reports()).extracting(p -> p.getFileName().toString())
          .containsExactlyInAnyOrder("summary.md", "verdict.json");
      assertThatThrownBy(r::assertPassed).isInstanceOf(AssertionFailedError.class)
          .hasMessageContaining("FAIL  GET /products/{id}  responses $.price");
    }
  }

  @Test
  void aCaptureThatIsNotThereIsReportedBeforeAnythingStarts() {
    ReplayTwin twin = ReplayTwin.builder(tmp.resolve("missing.twcap"))
        .candidate(java.net.URI.create("http://127.0.0.1:9")).reportDir(tmp.resolve("r")).build();

    assertThatThrownBy(twin::run).isInstanceOf(ReplayTwinException.class)
        .hasMessageStartingWith("capture " + tmp.resolve("missing.twcap") + ": no such file");
    assertThat(tmp.resolve("r")).doesNotExist();
  }
}
