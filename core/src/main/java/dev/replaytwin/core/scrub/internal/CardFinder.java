package dev.replaytwin.core.scrub.internal;

import java.util.List;

/**
 * Payment card numbers: 13 to 19 digits, either unbroken or in groups separated by single spaces or
 * single dashes (one kind per number: first group 4–6 digits, inner groups 3–6, last 1–6), that
 * pass the Luhn check and start like a payment card (major industry identifier 2–6, or 1 for
 * 15-digit UATP cards). The prefix rule keeps epoch timestamps in milli-, micro- and nanoseconds
 * (13, 16, 19 digits starting with 1) out; pseudonyms start with 0, which no card does.
 * Decimal fractions ({@code 3.1415926535897932}) are not numbers of their own.
 */
final class CardFinder implements Finder {
  private static final int MAX_GROUPS = 8;

  @Override
  public void find(String text, TextScan scan, Detector kind, List<Match> out) {
    if (!scan.has(TextScan.DIGITS_13) || scan.longestGroupedDigits() < 13) {
      return;
    }
    int[] groupEnds = new int[MAX_GROUPS];
    int[] groupDigits = new int[MAX_GROUPS];
    for (int k = 0; k < scan.runs(); k++) {
      int start = scan.runStart[k];
      if (!startsNumber(text, start)) {
        continue;
      }
      int groups = 0;
      char separator = 0;
      groupEnds[0] = scan.runEnd[k];
      groupDigits[0] = scan.runLength(k);
      int j = k;
      while (groups < MAX_GROUPS - 1 && j + 1 < scan.runs() && scan.runStart[j + 1] == scan.runEnd[j] + 1) {
        char c = text.charAt(scan.runEnd[j]);
        if ((c != ' ' && c != '-') || (separator != 0 && c != separator)) {
          break;
        }
        separator = c;
        j++;
        groups++;
        groupEnds[groups] = scan.runEnd[j];
        groupDigits[groups] = groupDigits[groups - 1] + scan.runLength(j);
      }
      int end = candidate(text, start, scan.runEnd[j], groups, groupEnds, groupDigits);
      if (end > 0) {
        out.add(new Match(start, end, kind));
        while (scan.runEnd[k] < end) {
          k++;
        }
      }
    }
  }

  /** End of the longest card number in the run, trying whole groups from the longest, or -1. */
  private static int candidate(String text, int start, int runEnd, int lastGroup, int[] ends, int[] digits) {
    for (int g = lastGroup; g >= 0; g--) {
      int count = digits[g];
      if (count < 13 || count > 19 || !groupsFit(g, digits)) {
        continue;
      }
      int end = ends[g];
      if (end == runEnd && !endsNumber(text, end)) {
        continue;
      }
      if (validCard(text.subSequence(start, end), text.charAt(start), count)) {
        return end;
      }
    }
    return -1;
  }

  private static boolean groupsFit(int last, int[] digits) {
    if (last == 0) {
      return true;
    }
    for (int g = 0; g <= last; g++) {
      int size = digits[g] - (g == 0 ? 0 : digits[g - 1]);
      int min = g == 0 ? 4 : g == last ? 1 : 3;
      if (size < min || size > 6) {
        return false;
      }
    }
    return true;
  }

  static boolean validCard(CharSequence number, char first, int digits) {
    boolean issuer = (first >= '2' && first <= '6') || (first == '1' && digits == 15);
    return issuer && Checksums.luhnValid(number);
  }

  private static boolean startsNumber(String text, int start) {
    char before = Chars.before(text, start);
    if (Chars.isWord(before)) {
      return false;
    }
    return !((before == '.' || before == ',') && Chars.isDigit(Chars.before(text, start - 1)));
  }

  private static boolean endsNumber(String text, int end) {
    char after = Chars.at(text, end);
    if (Chars.isWord(after)) {
      return false;
    }
    return !((after == '.' || after == ',') && Chars.isDigit(Chars.at(text, end + 1)));
  }
}
