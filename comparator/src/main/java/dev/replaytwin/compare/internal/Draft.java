package dev.replaytwin.compare.internal;

import dev.replaytwin.compare.Decision;
import dev.replaytwin.compare.Verdict;
import dev.replaytwin.core.Nullable;

/**
 * A check before the false-discovery adjustment: its evidence, its p-value (NaN when no test
 * applies), whether its point estimate is past the allowance, and, for checks decided without a
 * test, the decision already made.
 */
record Draft(Verdict.Check check, double pValue, boolean beyondAllowance, @Nullable Decision decided) {

  /** The check with its q-value and decision: FAIL when significant and past the allowance. */
  Verdict.Check finish(double qValue, double falseDiscoveryRate, int tests) {
    Decision d = decided != null ? decided
        : !beyondAllowance ? Decision.PASS
        : qValue < falseDiscoveryRate ? Decision.FAIL
        : Decision.INCONCLUSIVE;
    Verdict.Check c = check;
    String explanation = c.explanation();
    if (decided == null && beyondAllowance && d == Decision.INCONCLUSIVE) {
      explanation += String.format(java.util.Locale.ROOT, " Past the allowance, but not significant after"
          + " adjusting for %d tests (q = %.3g): more requests would tell.", tests, qValue);
    }
    return new Verdict.Check(c.endpoint(), c.category(), c.name(), d, c.baseline(), c.candidate(), c.noise(),
        c.effect(), c.threshold(), c.pValue(), qValue, c.samples(), c.examples(), explanation,
        d == Decision.PASS ? "" : c.nextStep());
  }
}
