package dev.replaytwin.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A clean candidate must not fail by chance: 50 A/A comparisons of identically distributed runs
 * (the "candidate" is another copy of the baseline, with its own jitter), each judged over three
 * endpoints and every check, fail at most as often as the false-discovery rate allows.
 */
class FalseDiscoveryTest {
  private static final int RUNS = 50;

  @TempDir
  Path dir;

  private int failures(GatePolicy policy, String name) throws Exception {
    int failed = 0;
    for (int seed = 0; seed < RUNS; seed++) {
      Map<String, SyntheticRun.Change> targets = new LinkedHashMap<>();
      targets.put("baseline", SyntheticRun.Change.NONE);
      targets.put("candidate", SyntheticRun.Change.NONE);
      Path root = new SyntheticRun(1_000 + seed, 3_000, targets).write(dir.resolve(name + seed));
      Verdict v = Comparison.run(new CompareOptions(List.of(root), "baseline", "candidate", "", policy));
      if (v.decision() == Decision.FAIL) {
        failed++;
      }
    }
    return failed;
  }

  @Test
  void identicalRunsFailNoMoreOftenThanTheFalseDiscoveryRateEvenWithNoAllowance() throws Exception {
    // Critical everywhere: any significant increase fails, so only the tests stand between A/A and FAIL.
    GatePolicy critical = new GatePolicy("aa", "", 0.95, 0.05, new GatePolicy.Rules(100, List.of(50.0, 90.0, 99.0),
        new GatePolicy.Allowance(0.10, 5), 0.001, 0.001, true), Map.of(), List.of(), List.of());
    // Under the global null, Benjamini-Hochberg at 0.05 keeps the chance that a run has any false
    // discovery at 5%: 2.5 of 50 runs expected.
    assertThat(failures(critical, "critical")).isLessThanOrEqualTo((int) Math.ceil(RUNS * 0.05));
  }

  @Test
  void identicalRunsPassUnderTheStandardPolicy() throws Exception {
    assertThat(failures(GatePolicy.standard(), "standard")).isZero();
  }
}
