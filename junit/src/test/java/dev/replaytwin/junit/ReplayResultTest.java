package dev.replaytwin.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.replaytwin.compare.Decision;
import dev.replaytwin.compare.Verdict;
import dev.replaytwin.core.Body;
import dev.replaytwin.core.run.ErrorKind;
import dev.replaytwin.core.run.Outcome;
import dev.replaytwin.core.run.OutcomeWriter;
import dev.replaytwin.core.run.RunDirectory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class ReplayResultTest {
  @TempDir
  Path tmp;

  @Test
  void theCandidatesFailuresAreIts5xxAndUnansweredRequests() throws Exception {
    Path run = tmp.resolve("run");
    try (OutcomeWriter w = OutcomeWriter.create(RunDirectory.at(run).outcomes("candidate"))) {
      w.append(row("x1", 200, ErrorKind.NONE));
      w.append(row("x2", 503, ErrorKind.NONE));
      w.append(row("x3", 404, ErrorKind.NONE));
      w.append(row("x4", 0, ErrorKind.REFUSED));
    }

    ReplayResult r = result(Decision.PASS, run, Inconclusive.FAIL);

    assertThat(r.candidateFailures()).extracting(Outcome::exchangeId).containsExactly("x2", "x4");
  }

  @Test
  void anUndecidedVerdictFailsOrAbortsAsAsked() {
    assertThatThrownBy(() -> result(Decision.INCONCLUSIVE, tmp, Inconclusive.FAIL).assertPassed())
        .isInstanceOf(AssertionFailedError.class).hasMessageStartingWith("ReplayTwin INCONCLUSIVE: h");
    assertThatThrownBy(() -> result(Decision.INCONCLUSIVE, tmp, Inconclusive.ABORT).assertPassed())
        .isInstanceOf(TestAbortedException.class).hasMessageStartingWith("ReplayTwin INCONCLUSIVE: h");
    assertThatThrownBy(() -> result(Decision.FAIL, tmp, Inconclusive.ABORT).assertPassed())
        .isInstanceOf(AssertionFailedError.class);
    result(Decision.PASS, tmp, Inconclusive.FAIL).assertPassed();
  }

  private static Outcome row(String id, int status, ErrorKind error) {
    boolean answered = error == ErrorKind.NONE;
    return new Outcome(id, 0, "GET /a", "GET", 1_000, 1_000, answered ? 5 : -1, answered ? 4 : -1, status, error,
        "", answered ? 0 : -1, "", "", Body.EMPTY);
  }

  private static ReplayResult result(Decision d, Path run, Inconclusive inconclusive) {
    Verdict v = new Verdict(Verdict.VERSION, d, d + ": h", new Verdict.Inputs(List.of("run"), "recorded", "candidate",
        "", "t", "", Map.of(), true), List.of(), List.of(), new Verdict.Calibration("", Map.of(), ""),
        new Verdict.Charts(List.of(), List.of()), List.of());
    return new ReplayResult(v, run.getParent(), List.of(), run, "the recording", List.of(), inconclusive);
  }
}
