package dev.replaytwin.core.scrub.internal;

import java.util.List;

/**
 * Bearer tokens written out in text ({@code Bearer <token>}, any case): the token, at least 8
 * characters of RFC 6750's token68 alphabet. The scheme word is kept. Pseudonyms ({@code twin_…},
 * or a JWT pseudonym) are not matched.
 */
final class BearerFinder implements Finder {
  static final String PSEUDONYM_PREFIX = "twin_";
  private static final int MIN_TOKEN = 8;

  @Override
  public void find(String text, TextScan scan, Detector kind, List<Match> out) {
    if (scan.has(TextScan.LETTER_B)) {
      find(text, "earer", kind, out);
      find(text, "EARER", kind, out);
    }
  }

  private static void find(String text, String tail, Detector kind, List<Match> out) {
    int n = text.length();
    for (int hit = text.indexOf(tail, 1); hit > 0; hit = text.indexOf(tail, hit + 1)) {
      int i = hit - 1;
      char b = text.charAt(i);
      int start = hit + tail.length();
      if ((b != 'b' && b != 'B') || Chars.isLetter(Chars.before(text, i)) || start >= n
          || (text.charAt(start) != ' ' && text.charAt(start) != '\t')) {
        continue;
      }
      while (start < n && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
        start++;
      }
      int end = start;
      while (end < n && isTokenChar(text.charAt(end))) {
        end++;
      }
      while (end < n && text.charAt(end) == '=') {
        end++;
      }
      String token = text.substring(start, end);
      if (end - start >= MIN_TOKEN && !token.startsWith(PSEUDONYM_PREFIX) && !JwtFinder.isPseudonym(token)) {
        out.add(new Match(start, end, kind));
        hit = end - 1;
      }
    }
  }

  static boolean isTokenChar(char c) {
    return Chars.isAlnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
  }
}
