package dev.replaytwin.junit;

/**
 * What a replay test does when the verdict is INCONCLUSIVE: too few requests for the policy, a
 * replay whose timing the replayer could not keep, an effect past its allowance without enough
 * evidence.
 */
public enum Inconclusive {
  /** The test fails, with the reasons: a regression test that cannot judge protects nothing. */
  FAIL,
  /** The test is aborted (skipped, as a failed assumption), with the reasons. */
  ABORT
}
