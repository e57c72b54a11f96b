package dev.replaytwin.core.scrub.internal;

import java.util.List;

/**
 * Telephone numbers. A bare run of digits is never a phone number (it is as likely an id or a
 * timestamp), so a number needs a {@code +} or separators:
 * <ul>
 *   <li>international: {@code +} and a country code starting 1–9, then digits with single spaces,
 *       dots or dashes and an optional {@code (0)} or {@code (area)} group, 8 to 15 digits in all:
 *       {@code +44 20 7946 0958}, {@code +1 (555) 010-4477}, {@code +4915123456789};
 *   <li>North American: {@code (555) 123-4567}, {@code 555-123-4567}, {@code 555.123.4567} (area
 *       code starting 2–9, the two separators alike);
 *   <li>French: {@code 06 12 34 56 78}, {@code 06.12.34.56.78};
 *   <li>national with a trunk {@code 0}: {@code 020 7946 0958}, {@code 030/1234567},
 *       {@code 06-12345678}: up to four digits, a space, slash or dash, then groups, 10 to 12
 *       digits in all.
 * </ul>
 * A number must not be glued to a word, a dot, a plus, a dash or a slash before it, nor to a word
 * or a dotted, dashed or slashed digit after it. Pseudonyms put a {@code 0} where no real number has
 * one ({@code +0…}, {@code (0xx)}, {@code 00…}), so they are not matched. Hand-written scans, no
 * regular expressions: every position is looked at a bounded number of times.
 */
final class PhoneFinder implements Finder {
  @Override
  public void find(String text, TextScan scan, Detector kind, List<Match> out) {
    if (!scan.has(TextScan.DIGITS_7)) {
      return;
    }
    if (scan.has(TextScan.PLUS)) {
      international(text, kind, out);
    }
    if ((scan.bits & (TextScan.SEPARATOR | TextScan.PAREN)) == 0 || !scan.has(TextScan.DIGITS_9)
        || scan.longestSeparatedDigits() < 10) {
      return;
    }
    for (int k = 0; k < scan.runs(); k++) {
      int i = scan.runStart[k];
      if (i > 0 && text.charAt(i - 1) == '(' && tryAt(text, i - 1, northAmericanParens(text, i - 1), kind, out)) {
        continue;
      }
      tryAt(text, i, text.charAt(i) == '0' ? national(text, i) : northAmerican(text, i), kind, out);
    }
  }

  private static boolean tryAt(String text, int start, int end, Detector kind, List<Match> out) {
    if (end < 0 || !freeBefore(text, start) || !freeAfter(text, end) || overlapsLast(out, start)) {
      return false;
    }
    out.add(new Match(start, end, kind));
    return true;
  }

  /** {@code (ddd) ddd-dddd}, the area code starting 2–9. */
  private static int northAmericanParens(String t, int i) {
    if (!areaDigit(t, i + 1) || (i = exactly(t, i + 1, 3)) < 0 || Chars.at(t, i) != ')') {
      return -1;
    }
    i++;
    if (isOneOf(Chars.at(t, i), " .-")) {
      i++;
    }
    if ((i = exactly(t, i, 3)) < 0 || !isOneOf(Chars.at(t, i), " .-")) {
      return -1;
    }
    return exactly(t, i + 1, 4);
  }

  /** {@code ddd-ddd-dddd} with two alike separators, the area code starting 2–9. */
  private static int northAmerican(String t, int i) {
    if (!areaDigit(t, i) || (i = exactly(t, i, 3)) < 0) {
      return -1;
    }
    char separator = Chars.at(t, i);
    if (!isOneOf(separator, " .-") || (i = exactly(t, i + 1, 3)) < 0 || Chars.at(t, i) != separator) {
      return -1;
    }
    return exactly(t, i + 1, 4);
  }

  /** French pairs, or a trunk {@code 0} number; the second digit 1–9. */
  private static int national(String t, int i) {
    char second = Chars.at(t, i + 1);
    if (second < '1' || second > '9') {
      return -1;
    }
    int french = french(t, i);
    return french > 0 && freeAfter(t, french) ? french : trunk(t, i);
  }

  private static int french(String t, int i) {
    int j = i + 2;
    for (int pair = 0; pair < 4; pair++) {
      if (!isOneOf(Chars.at(t, j), " .") || (j = exactly(t, j + 1, 2)) < 0) {
        return -1;
      }
    }
    return j;
  }

  private static int trunk(String t, int i) {
    int j = upTo(t, i + 2, 3);
    if (!isOneOf(Chars.at(t, j), " /-") || (j = between(t, j + 1, 3, 8)) < 0) {
      return -1;
    }
    for (int group = 0; group < 2 && isOneOf(Chars.at(t, j), " -"); group++) {
      int next = between(t, j + 1, 2, 8);
      if (next < 0) {
        break;
      }
      j = next;
    }
    int digits = digitCount(t, i, j);
    return digits >= 10 && digits <= 12 ? j : -1;
  }

  private static void international(String text, Detector kind, List<Match> out) {
    int n = text.length();
    for (int i = text.indexOf('+'); i >= 0 && i < n; i = text.indexOf('+', i + 1)) {
      char before = Chars.before(text, i);
      if (Chars.isWord(before) || before == '+' || before == '.' || i + 1 >= n) {
        continue;
      }
      char first = text.charAt(i + 1);
      if (first < '1' || first > '9') {
        continue;
      }
      int end = internationalEnd(text, i + 1);
      if (end > 0) {
        out.add(new Match(i, end, kind));
        i = end - 1;
      }
    }
  }

  /** End of the international number whose digits start at {@code from}, or -1. */
  private static int internationalEnd(String text, int from) {
    int n = text.length();
    int j = from;
    int digits = 0;
    int lastDigitEnd = from;
    boolean inParens = false;
    while (j < n && digits <= 15) {
      char c = text.charAt(j);
      if (Chars.isDigit(c)) {
        digits++;
        j++;
        lastDigitEnd = j;
      } else if (isOneOf(c, " .-") && !inParens && lastDigitEnd == j && j + 1 < n
          && (Chars.isDigit(text.charAt(j + 1)) || text.charAt(j + 1) == '(')) {
        j++;
      } else if (c == '(' && !inParens && j + 1 < n && Chars.isDigit(text.charAt(j + 1))) {
        inParens = true;
        j++;
      } else if (c == ')' && inParens && lastDigitEnd == j) {
        inParens = false;
        j++;
        if (j < n && text.charAt(j) == ' ') {
          j++;
        }
      } else {
        break;
      }
    }
    if (inParens || digits < 8 || digits > 15 || !freeAfter(text, lastDigitEnd)) {
      return -1;
    }
    return lastDigitEnd;
  }

  private static boolean freeBefore(String t, int i) {
    char before = Chars.before(t, i);
    return !Chars.isWord(before) && !isOneOf(before, ".+-/");
  }

  private static boolean freeAfter(String t, int end) {
    char after = Chars.at(t, end);
    return !Chars.isWord(after) && !(isOneOf(after, ".-/") && Chars.isDigit(Chars.at(t, end + 1)));
  }

  private static boolean overlapsLast(List<Match> out, int i) {
    return !out.isEmpty() && out.get(out.size() - 1).end() > i;
  }

  private static boolean areaDigit(String t, int i) {
    char c = Chars.at(t, i);
    return c >= '2' && c <= '9';
  }

  private static boolean isOneOf(char c, String set) {
    return set.indexOf(c) >= 0;
  }

  /** The index after exactly {@code count} digits at {@code i} (no more), or -1. */
  private static int exactly(String t, int i, int count) {
    int end = upTo(t, i, count);
    return end - i == count && !Chars.isDigit(Chars.at(t, end)) ? end : -1;
  }

  /** The index after {@code min} to {@code max} digits at {@code i}, taking as many as there are, or -1. */
  private static int between(String t, int i, int min, int max) {
    int end = upTo(t, i, max);
    return end - i >= min ? end : -1;
  }

  private static int upTo(String t, int i, int max) {
    int j = i;
    while (j < t.length() && j - i < max && Chars.isDigit(t.charAt(j))) {
      j++;
    }
    return j;
  }

  private static int digitCount(String text, int start, int end) {
    int digits = 0;
    for (int i = start; i < end; i++) {
      if (Chars.isDigit(text.charAt(i))) {
        digits++;
      }
    }
    return digits;
  }
}
