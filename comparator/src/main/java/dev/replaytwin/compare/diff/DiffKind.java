package dev.replaytwin.compare.diff;

/**
 * What differs at a field. "Left" is the baseline; "right" is the candidate, or the second baseline
 * when measuring noise.
 */
public enum DiffKind {
  /** Same type, different value: {@code 3} and {@code 4}, status {@code 200} and {@code 500}. */
  CHANGED_VALUE,
  /**
   * Different JSON types: number and string, object and array, null and a value; or, for a whole
   * body, different kinds of body (JSON, text, binary, empty).
   */
  CHANGED_TYPE,
  /** Present on the left only. */
  MISSING,
  /** Present on the right only. */
  EXTRA,
  /** An array holds the same elements in a different order; reported once, at the array. */
  ARRAY_ORDER,
  /** An array's length differs; the values are the two lengths. */
  ARRAY_SIZE
}
