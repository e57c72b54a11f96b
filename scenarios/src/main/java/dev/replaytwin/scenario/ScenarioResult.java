package dev.replaytwin.scenario;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.compare.Decision;
import dev.replaytwin.compare.Verdict;
import dev.replaytwin.core.Nullable;
import java.nio.file.Path;
import java.util.List;

/**
 * How one scenario ended: its decision, one line saying why, the verdict when the run got as far
 * as the comparison, and where everything was written.
 *
 * @param decision PASS, FAIL or INCONCLUSIVE; FAIL also when the candidate did not start or died,
 *     INCONCLUSIVE when the baseline did
 * @param summary the verdict's headline, or what stopped the run
 * @param verdict the comparator's verdict, or null when the run never reached it
 * @param reportDir where the report, the run directory ({@code run/}) and the twins' logs are
 * @param reports the report files written
 * @param setupError true when the scenario could not be carried out as written (the baseline does
 *     not start, the capture cannot be replayed): exit code 2, not a verdict
 */
public record ScenarioResult(String scenario, Decision decision, String summary, @Nullable Verdict verdict,
    Path reportDir, List<Path> reports, boolean setupError) {
  public ScenarioResult {
    requireNonNull(scenario, "scenario");
    requireNonNull(decision, "decision");
    requireNonNull(summary, "summary");
    requireNonNull(reportDir, "reportDir");
    reports = List.copyOf(reports);
  }

  /** 0 PASS, 1 FAIL, 3 INCONCLUSIVE, or 2 when the scenario could not be carried out. */
  public int exitCode() {
    return setupError ? 2 : decision.exitCode();
  }

  /** The run directory {@code twin replay} wrote. */
  public Path runDir() {
    return reportDir.resolve("run");
  }
}
