package dev.replaytwin.core.scrub.internal;

import java.util.List;

/** Finds one kind of personal data in text. Implementations are stateless and thread-safe. */
interface Finder {
  /**
   * Adds every match in {@code text} to {@code out}. {@code scan} tells which characters the text
   * holds and where its digit runs are, so a finder can return at once or visit only those.
   */
  void find(String text, TextScan scan, Detector kind, List<Match> out);
}
