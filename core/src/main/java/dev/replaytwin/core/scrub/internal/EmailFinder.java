package dev.replaytwin.core.scrub.internal;

import java.util.List;
import java.util.Set;

/**
 * E-mail addresses: {@code local@domain.tld}, also with the {@code @} percent-encoded as
 * {@code %40} (as in query strings and URLs). Found by expanding around each {@code @}, so the scan
 * is linear and cannot backtrack. Not matched: a top-level domain of {@code invalid} (the reserved
 * TLD that e-mail pseudonyms use) or a file extension ({@code icon@2x.png}).
 */
final class EmailFinder implements Finder {
  static final String PSEUDONYM_TLD = "invalid";
  private static final int MAX_LOCAL = 64;
  private static final int MAX_DOMAIN = 253;
  private static final Set<String> FILE_EXTENSIONS =
      Set.of("png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "ico", "bmp", "css", "js", "json", "html");

  @Override
  public void find(String text, TextScan scan, Detector kind, List<Match> out) {
    if (scan.has(TextScan.AT)) {
      find(text, "@", kind, out);
    }
    if (scan.has(TextScan.PERCENT)) {
      find(text, "%40", kind, out);
    }
  }

  private static void find(String text, String at, Detector kind, List<Match> out) {
    int floor = 0;
    for (int i = text.indexOf(at); i >= 0; i = text.indexOf(at, i + 1)) {
      int start = localStart(text, i, floor, at.length() == 3);
      int end = domainEnd(text, i + at.length());
      if (start >= 0 && end > 0) {
        out.add(new Match(start, end, kind));
        floor = end;
        i = end - 1;
      }
    }
  }

  /**
   * Start of the local part ending before {@code at}, or -1 when there is none. With an encoded
   * {@code @}, the local part may hold {@code %XX} escapes too ({@code a%2Bb%40example.com}).
   */
  private static int localStart(String text, int at, int floor, boolean encoded) {
    int start = at;
    while (start > floor && at - start < MAX_LOCAL && isLocal(text, start - 1, at, encoded)) {
      start--;
    }
    if (start > floor && isLocal(text, start - 1, at, encoded)) {
      return -1;
    }
    while (start < at && text.charAt(start) == '.') {
      start++;
    }
    return start < at && text.charAt(at - 1) != '.' ? start : -1;
  }

  /** End of a valid domain starting at {@code from}, or -1. */
  private static int domainEnd(String text, int from) {
    int end = from;
    int n = text.length();
    while (end < n && end - from < MAX_DOMAIN && isDomainChar(text.charAt(end))) {
      end++;
    }
    while (end > from && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) {
      end--;
    }
    if (end < n && Chars.isAlnum(text.charAt(end))) {
      return -1;
    }
    int lastDot = text.lastIndexOf('.', end - 1);
    if (lastDot < from + 1) {
      return -1;
    }
    return validLabels(text, from, end) && validTld(text, lastDot + 1, end) ? end : -1;
  }

  private static boolean validLabels(String text, int from, int end) {
    int labelStart = from;
    for (int i = from; i <= end; i++) {
      if (i == end || text.charAt(i) == '.') {
        int length = i - labelStart;
        if (length == 0 || length > 63 || text.charAt(labelStart) == '-' || text.charAt(i - 1) == '-') {
          return false;
        }
        labelStart = i + 1;
      }
    }
    return true;
  }

  private static boolean validTld(String text, int from, int end) {
    String tld = text.substring(from, end);
    if (tld.length() < 2 || tld.equalsIgnoreCase(PSEUDONYM_TLD)
        || FILE_EXTENSIONS.contains(tld.toLowerCase(java.util.Locale.ROOT))) {
      return false;
    }
    if (tld.regionMatches(true, 0, "xn--", 0, 4)) {
      return true;
    }
    for (int i = 0; i < tld.length(); i++) {
      if (!Chars.isLetter(tld.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLocal(String text, int i, int at, boolean encoded) {
    char c = text.charAt(i);
    return isLocalChar(c)
        || (encoded && c == '%' && i + 2 < at && Chars.isHex(text.charAt(i + 1)) && Chars.isHex(text.charAt(i + 2)));
  }

  static boolean isLocalChar(char c) {
    return Chars.isAlnum(c) || c == '.' || c == '_' || c == '+' || c == '-' || c == '\'';
  }

  static boolean isDomainChar(char c) {
    return Chars.isAlnum(c) || c == '.' || c == '-';
  }
}
