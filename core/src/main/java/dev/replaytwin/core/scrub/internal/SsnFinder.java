package dev.replaytwin.core.scrub.internal;

import java.util.List;

/**
 * US social security numbers written {@code ddd-dd-dddd}, not glued to a word or a dash, with the
 * numbers the SSA never issues left out: area 000, 666 or 900–999, group 00 (which pseudonyms
 * use), serial 0000. Nine digits without dashes are not matched: they are more often ids.
 */
final class SsnFinder implements Finder {
  @Override
  public void find(String text, TextScan scan, Detector kind, List<Match> out) {
    if (!scan.has(TextScan.DASH | TextScan.DIGITS_9)) {
      return;
    }
    for (int k = 0; k + 2 < scan.runs(); k++) {
      if (scan.runLength(k) != 3 || !scan.nextRunAfter(k, '-') || scan.runLength(k + 1) != 2
          || !scan.nextRunAfter(k + 1, '-') || scan.runLength(k + 2) != 4) {
        continue;
      }
      int start = scan.runStart[k];
      int end = scan.runEnd[k + 2];
      char before = Chars.before(text, start);
      char after = Chars.at(text, end);
      if (!Chars.isWord(before) && before != '-' && !Chars.isWord(after) && after != '-' && issuable(text, start)) {
        out.add(new Match(start, end, kind));
        k += 2;
      }
    }
  }

  private static boolean issuable(String text, int at) {
    boolean area000 = text.startsWith("000", at);
    boolean area666 = text.startsWith("666", at);
    return !area000 && !area666 && text.charAt(at) != '9' && !text.startsWith("00", at + 4)
        && !text.startsWith("0000", at + 7);
  }
}
