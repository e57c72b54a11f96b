package dev.replaytwin.core.scrub.internal;

import java.util.List;

/**
 * IPv4 addresses of hosts that could be clients: four decimal octets without leading zeros, not
 * part of a longer dotted number (an OID, {@code 1.2.3.4.5}) or a word ({@code v1.2.3.4}). Left
 * out: {@code 0/8}, loopback {@code 127/8}, multicast and reserved {@code 224/3} (which includes
 * the {@code 240/4} range pseudonyms use) and addresses ending in {@code .0} or {@code .255},
 * which are networks and broadcasts — and how browsers write their version in the User-Agent
 * ({@code Chrome/120.0.0.0}).
 */
final class Ipv4Finder implements Finder {
  @Override
  public void find(String text, TextScan scan, Detector kind, List<Match> out) {
    if (!scan.has(TextScan.DOT | TextScan.DIGITS_4) || scan.longestDottedRuns() < 4) {
      return;
    }
    int[] octets = new int[4];
    for (int k = 0; k + 3 < scan.runs(); k++) {
      int start = scan.runStart[k];
      char before = Chars.before(text, start);
      if (!scan.nextRunAfter(k, '.') || Chars.isWord(before) || before == '.') {
        continue;
      }
      int end = parse(text, start, octets);
      if (end > 0 && isClient(octets)) {
        out.add(new Match(start, end, kind));
        k += 3;
      }
    }
  }

  /** Parses four octets at {@code start} into {@code octets}; the end, or -1. */
  static int parse(String text, int start, int[] octets) {
    int n = text.length();
    int j = start;
    for (int k = 0; k < 4; k++) {
      int from = j;
      int value = 0;
      while (j < n && Chars.isDigit(text.charAt(j)) && j - from < 3) {
        value = value * 10 + (text.charAt(j++) - '0');
      }
      if (j == from || (j < n && Chars.isDigit(text.charAt(j))) || value > 255
          || (j - from > 1 && text.charAt(from) == '0')) {
        return -1;
      }
      octets[k] = value;
      if (k < 3) {
        if (j >= n || text.charAt(j) != '.') {
          return -1;
        }
        j++;
      }
    }
    char after = Chars.at(text, j);
    if (Chars.isWord(after) || (after == '.' && Chars.isDigit(Chars.at(text, j + 1)))) {
      return -1;
    }
    return j;
  }

  /** Parses four octets filling exactly {@code text[start, end)}; the end, or -1. */
  static int parseExactly(String text, int start, int end, int[] octets) {
    return parse(text.substring(0, end), start, octets) == end ? end : -1;
  }

  private static boolean isClient(int[] octets) {
    int first = octets[0];
    int last = octets[3];
    return first != 0 && first != 127 && first < 224 && last != 0 && last != 255;
  }
}
