package dev.replaytwin.compare.diff;

/** How two response bodies were compared. */
public enum BodyComparison {
  /** Not compared: a side has no response (an error), so only {@code error} is reported. */
  NOT_COMPARED,
  /** Byte for byte: equal bytes, or at least one body is not JSON (text, binary or empty). */
  BYTES,
  /** Structurally, both bodies being whole JSON documents. */
  JSON,
  /**
   * By the digest of the whole body only, because at least one body was cut at the replayer's cap;
   * no JSON diff is attempted on a prefix.
   */
  DIGEST_TRUNCATED
}
