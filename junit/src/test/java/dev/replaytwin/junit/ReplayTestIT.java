package dev.replaytwin.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.replaytwin.compare.Decision;
import dev.replaytwin.core.run.RunDirectory;
import dev.replaytwin.junit.fixtures.BaselineIncidentCase;
import dev.replaytwin.junit.fixtures.InconclusiveCase;
import dev.replaytwin.junit.fixtures.MisconfiguredCase;
import dev.replaytwin.junit.fixtures.RecordedIncidentCase;
import dev.replaytwin.junit.fixtures.Shops;
import dev.replaytwin.scenario.demo.Release;
import dev.replaytwin.scenario.demo.ShopService;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs test classes that use {@link ReplayTest} (the {@code fixtures}) through the JUnit Platform
 * test kit, against the demo shop on real sockets: release 1.4 answers as the capture recorded,
 * release 1.5 calls the product page's {@code price} field {@code amount}.
 */
class ReplayTestIT {
  private static ShopService stable;
  private static ShopService regressed;
  private static ShopService stableAgain;

  @BeforeAll
  static void startShopsAndRecordTheIncident() throws Exception {
    // The shops' checkout would call payments; these tests only read, so nothing listens there.
    stable = new ShopService("127.0.0.1", 0, Release.V1_4, "http://127.0.0.1:9");
    regressed = new ShopService("127.0.0.1", 0, Release.V1_5, "http://127.0.0.1:9");
    stableAgain = new ShopService("127.0.0.1", 0, Release.V1_4, "http://127.0.0.1:9");
    ShopIncident.record(url(stable), Path.of(Shops.CAPTURE), 240);
  }

  @AfterAll
  static void stopShops() {
    stable.close();
    regressed.close();
    stableAgain.close();
  }

  @BeforeEach
  void reset() {
    Shops.candidate = null;
    Shops.baseline = null;
    Shops.lastResult = null;
  }

  @Test
  void passesWhenTheCandidateAnswersAsRecorded() throws Exception {
    Shops.candidate = url(stableAgain);

    Events tests = run(selectClass(RecordedIncidentCase.class));

    tests.assertStatistics(s -> s.started(1).succeeded(1).failed(0));
    ReplayResult r = Shops.lastResult;
    assertThat(r).as("the method body ran with the result").isNotNull();
    assertThat(r.decision()).isEqualTo(Decision.PASS);
    assertThat(r.judgedAgainst()).startsWith("the responses recorded in");
    assertThat(r.reportDir()).isEqualTo(Path.of("target/replaytwin", RecordedIncidentCase.class.getName(),
        "productPagesAnswerAsRecorded"));
    assertThat(r.verdict().checks()).noneMatch(c -> c.category().equals("latency") && !c.name().equals("shift"));
    assertThat(RunDirectory.at(r.runDir()).targets()).containsExactlyInAnyOrder("recorded", "candidate");
  }

  @Test
  void failsWithTheComparatorsExplanationWhenTheCandidateRenamedAField() throws Exception {
    Shops.candidate = url(regressed);

    Events tests = run(selectClass(RecordedIncidentCase.class));

    tests.assertStatistics(s -> s.started(1).failed(1));
    assertThat(Shops.lastResult).as("the body does not run after a failed verdict").isNull();
    Throwable failure = failure(tests);
    assertThat(failure).isInstanceOf(org.opentest4j.AssertionFailedError.class);
    String message = failure.getMessage();
    System.out.println("--- the failure message of a regressed candidate, against the recording ---\n" + message);
    assertThat(message)
        .startsWith("ReplayTwin FAIL: ")
        .contains("judged against the responses recorded in " + Shops.CAPTURE)
        .contains("FAIL  GET /products/{id}  responses $.price")
        .contains("next: ")
        .doesNotContain("GET /search")
        .contains("reports: " + Path.of("target/replaytwin", RecordedIncidentCase.class.getName(),
            "productPagesAnswerAsRecorded").toAbsolutePath());
    Path reports = Path.of("target/replaytwin", RecordedIncidentCase.class.getName(), "productPagesAnswerAsRecorded");
    assertThat(reports.resolve("verdict.json")).exists();
    assertThat(Files.readString(reports.resolve("summary.md"))).contains("$.price");
    assertThat(reports.resolve("index.html")).exists();
  }

  @Test
  void failsAgainstABaselineServiceGivenAsAField() {
    Shops.baseline = url(stable);
    Shops.candidate = url(regressed);

    Events tests = run(selectClass(BaselineIncidentCase.class));

    tests.assertStatistics(s -> s.started(1).failed(1));
    String message = failure(tests).getMessage();
    System.out.println("--- the failure message of a regressed candidate, against a baseline ---\n" + message);
    assertThat(message).contains("judged against the baseline at " + url(stable))
        .contains("FAIL  GET /products/{id}  responses $.price");
  }

  @Test
  void passesAgainstABaselineOfTheSameRelease() {
    Shops.baseline = url(stable);
    Shops.candidate = url(stableAgain);

    run(selectClass(BaselineIncidentCase.class)).assertStatistics(s -> s.started(1).succeeded(1));
  }

  @Test
  void anUndecidedVerdictFailsTheTestOrAbortsIt() {
    Shops.candidate = url(stableAgain);

    Events tests = run(selectClass(InconclusiveCase.class));

    tests.assertStatistics(s -> s.started(2).failed(1).aborted(1));
    assertThat(failure(tests).getMessage()).startsWith("ReplayTwin INCONCLUSIVE: ")
        .contains("fewer than the 100000 the policy needs");
    Throwable aborted = tests.aborted().stream().findFirst().flatMap(ReplayTestIT::throwable).orElseThrow();
    assertThat(aborted).isInstanceOf(org.opentest4j.TestAbortedException.class)
        .hasMessageContaining("fewer than the 100000");
  }

  @Test
  void mistakesAreReportedInOneClearMessageEach() {
    Shops.baseline = url(stable);
    Shops.candidate = url(stableAgain);

    Events tests = run(selectClass(MisconfiguredCase.class), selectClass(MisconfiguredCase.WithCandidate.class));

    tests.assertStatistics(s -> s.started(3).failed(3));
    List<String> messages = tests.failed().stream().map(e -> throwable(e).orElseThrow().getMessage()).toList();
    assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("@ReplayTest on hasNoCandidate: no @ReplayTarget"
        + " candidate in " + MisconfiguredCase.class.getName()));
    assertThat(messages).anySatisfy(m -> assertThat(m).startsWith(
        "capture src/test/resources/no-such-incident.twcap: no such file"));
    assertThat(messages).anySatisfy(m -> assertThat(m).contains("speed 2.0 and rate 400/s (expected: one of them"));
  }

  private static Events run(DiscoverySelector... selectors) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectors).execute().testEvents();
  }

  private static Throwable failure(Events tests) {
    return tests.failed().stream().findFirst().flatMap(ReplayTestIT::throwable).orElseThrow();
  }

  private static java.util.Optional<Throwable> throwable(Event e) {
    return e.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable);
  }

  static URI url(ShopService shop) {
    return URI.create("http://127.0.0.1:" + shop.port());
  }
}
