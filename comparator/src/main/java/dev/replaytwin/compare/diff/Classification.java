package dev.replaytwin.compare.diff;

/** What a field's differences on an endpoint are judged to be. */
public enum Classification {
  /** The candidate differs from the baseline more than the baselines differ from each other. */
  REGRESSION,
  /** The baselines differ from each other about as often: not the candidate's doing. */
  NOISE,
  /** An ignore rule names the field; counted, never judged. */
  IGNORED
}
