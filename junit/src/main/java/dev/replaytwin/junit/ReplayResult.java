package dev.replaytwin.junit;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.compare.Decision;
import dev.replaytwin.compare.Verdict;
import dev.replaytwin.core.run.ErrorKind;
import dev.replaytwin.core.run.Outcome;
import dev.replaytwin.core.run.OutcomeReader;
import dev.replaytwin.core.run.RunDirectory;
import dev.replaytwin.junit.internal.FailureMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * What a replay test found: the comparator's verdict, where its reports and the run are, and what
 * the candidate was judged against.
 *
 * <pre>{@code
 * ReplayResult r = twin.run();
 * r.assertPassed();                        // fails with every failing check's explanation
 * assertThat(r.verdict().checks()).noneMatch(c -> c.endpoint().equals("POST /checkout")
 *     && c.decision() != Decision.PASS);
 * }</pre>
 *
 * @param verdict the comparator's verdict
 * @param reportDir the test's directory: the reports and the run
 * @param reports the report files written ({@code index.html}, {@code summary.md}, {@code verdict.json},
 *     {@code junit.xml}, as the formats asked)
 * @param runDir the replay's run directory (inside {@code reportDir})
 * @param judgedAgainst the baseline in words: a URL, or the capture's recorded responses
 * @param notes remarks of the test itself, such as recorded responses the capture cut short
 * @param inconclusive what {@link #assertPassed()} does with an INCONCLUSIVE verdict
 */
public record ReplayResult(Verdict verdict, Path reportDir, List<Path> reports, Path runDir, String judgedAgainst, List<String> notes,
    Inconclusive inconclusive) {

  public ReplayResult {
    requireNonNull(verdict, "verdict");
    requireNonNull(reportDir, "reportDir");
    reports = List.copyOf(reports);
    requireNonNull(runDir, "runDir");
    requireNonNull(judgedAgainst, "judgedAgainst");
    notes = List.copyOf(notes);
    requireNonNull(inconclusive, "inconclusive");
  }

  /**
   * The candidate's failed requests (a 5xx, or no response), in the order they were answered. The
   * verdict judges failures against the baseline; an incident whose recorded answers were the
   * failures needs this absolute look instead:
   *
   * <pre>{@code
   * assertThat(result.candidateFailures()).extracting(Outcome::exchangeId).isEmpty();
   * }</pre>
   */
  public List<Outcome> candidateFailures() throws IOException {
    try (OutcomeReader reader = OutcomeReader.open(RunDirectory.at(runDir).outcomes("candidate"))) {
      return reader.stream().filter(o -> o.error() != ErrorKind.NONE || o.status() >= 500).toList();
    }
  }

  public Decision decision() {
    return verdict.decision();
  }

  /**
   * The verdict for a person: the headline, what the candidate was judged against, every failing
   * (or, when nothing failed, inconclusive) check with its explanation, examples and next step, and
   * where the reports are. What a failed test shows.
   */
  public String message() {
    return FailureMessage.of(this);
  }

  /**
   * Returns when the verdict is PASS.
   *
   * @throws AssertionFailedError on FAIL, and on INCONCLUSIVE with {@link Inconclusive#FAIL}, with
   *     {@link #message()}
   * @throws TestAbortedException on INCONCLUSIVE with {@link Inconclusive#ABORT}
   */
  public void assertPassed() {
    switch (verdict.decision()) {
      case PASS -> { }
      case FAIL -> throw new AssertionFailedError(message());
      case INCONCLUSIVE -> {
        if (inconclusive == Inconclusive.ABORT) {
          throw new TestAbortedException(message());
        }
        throw new AssertionFailedError(message());
      }
    }
  }
}
