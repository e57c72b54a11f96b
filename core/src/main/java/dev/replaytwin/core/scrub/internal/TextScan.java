package dev.replaytwin.core.scrub.internal;

import java.util.Arrays;

/**
 * One pass over a text noting which characters it holds, so that detectors skip texts they cannot
 * match (an e-mail needs an {@code @}), and where its runs of ASCII digits are, so the
 * number-shaped detectors visit digit runs rather than every character. Not thread-safe; lives for
 * one text.
 */
final class TextScan {
  static final int AT = 1;
  static final int PERCENT = 1 << 1;
  static final int DOT = 1 << 2;
  static final int COLON = 1 << 3;
  static final int DASH = 1 << 4;
  static final int PLUS = 1 << 5;
  static final int PAREN = 1 << 6;
  static final int LETTER = 1 << 7;
  static final int SEPARATOR = 1 << 8;
  /** A {@code b} or {@code B}, which {@code Bearer} needs. */
  static final int LETTER_B = 1 << 9;
  /** A {@code y}, which {@code eyJ} (the start of every JWT) needs. */
  static final int LETTER_Y = 1 << 10;
  /** At least 7, 9 and 13 ASCII digits in the whole text. */
  static final int DIGITS_7 = 1 << 11;
  static final int DIGITS_9 = 1 << 12;
  static final int DIGITS_13 = 1 << 13;
  /** Two or more colons. */
  static final int COLONS_2 = 1 << 14;
  /** At least 4 ASCII digits. */
  static final int DIGITS_4 = 1 << 15;

  /** What each ASCII character adds to the bits; digits also set {@link #DIGIT}, colons {@link #ONE_COLON}. */
  private static final int[] ASCII = new int[128];
  private static final int DIGIT_SHIFT = 20;
  private static final int DIGIT = 1 << DIGIT_SHIFT;
  private static final int COLON_SHIFT = 21;
  private static final int ONE_COLON = 1 << COLON_SHIFT;

  static {
    for (char c = 'a'; c <= 'z'; c++) {
      ASCII[c] = LETTER;
      ASCII[Character.toUpperCase(c)] = LETTER;
    }
    ASCII['b'] |= LETTER_B;
    ASCII['B'] |= LETTER_B;
    ASCII['y'] |= LETTER_Y;
    for (char c = '0'; c <= '9'; c++) {
      ASCII[c] = DIGIT;
    }
    ASCII['@'] = AT;
    ASCII['%'] = PERCENT;
    ASCII['.'] = DOT | SEPARATOR;
    ASCII[':'] = COLON | ONE_COLON;
    ASCII['-'] = DASH | SEPARATOR;
    ASCII['+'] = PLUS;
    ASCII['('] = PAREN;
    ASCII[' '] = SEPARATOR;
    ASCII['/'] = SEPARATOR;
  }

  final String text;
  final int bits;
  /** Digit run {@code k} is {@code [runStart[k], runEnd[k])}, once {@link #runs()} was called. */
  int[] runStart;
  int[] runEnd;
  private int runs = -1;
  private int groupedDigits = -1;
  private int dottedRuns;
  private int separatedDigits;

  /** Where digit runs start and end, alternately, as found by {@link #of}. */
  private final int[] edges;
  private final int edgeCount;

  private TextScan(String text, int bits, int[] edges, int edgeCount) {
    this.text = text;
    this.bits = bits;
    this.edges = edges;
    this.edgeCount = edgeCount;
  }

  static TextScan of(String text) {
    int bits = 0;
    int digits = 0;
    int colons = 0;
    int[] edges = null;
    int edgeCount = 0;
    int inRun = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      int cls = c < 128 ? ASCII[c] : 0;
      bits |= cls;
      int digit = (cls >>> DIGIT_SHIFT) & 1;
      digits += digit;
      colons += (cls >>> COLON_SHIFT) & 1;
      if (digit != inRun) {
        if (edges == null) {
          edges = new int[32];
        } else if (edgeCount == edges.length) {
          edges = Arrays.copyOf(edges, edgeCount * 2);
        }
        edges[edgeCount++] = i;
        inRun = digit;
      }
    }
    bits &= DIGIT - 1;
    bits |= (digits >= 4 ? DIGITS_4 : 0) | (digits >= 7 ? DIGITS_7 : 0) | (digits >= 9 ? DIGITS_9 : 0)
        | (digits >= 13 ? DIGITS_13 : 0) | (colons >= 2 ? COLONS_2 : 0);
    return new TextScan(text, bits, edges, edgeCount);
  }

  /**
   * False when no detector can match: no {@code @} or {@code %} (e-mail), fewer than four digits
   * (cards, IBANs, phones, SSNs, IPv4), fewer than two colons (IPv6), no {@code b} (bearer) and no
   * {@code y} with a dot (JWT). Most header values and many JSON strings stop here.
   */
  boolean mayHoldAnything() {
    return (bits & (AT | PERCENT | DIGITS_4 | COLONS_2 | LETTER_B)) != 0 || has(DOT | LETTER_Y);
  }

  boolean has(int required) {
    return (bits & required) == required;
  }

  /** The number of digit runs, finding them on first use. */
  int runs() {
    if (runs < 0) {
      findRuns();
    }
    return runs;
  }

  int runLength(int k) {
    return runEnd[k] - runStart[k];
  }

  /** True when digit run {@code k + 1} starts one character after run {@code k}, that character being {@code separator}. */
  boolean nextRunAfter(int k, char separator) {
    return k + 1 < runs && runStart[k + 1] == runEnd[k] + 1 && text.charAt(runEnd[k]) == separator;
  }

  /**
   * The most digits in a chain of digit runs joined by single spaces or dashes ({@code 4111 1111}):
   * a card number needs 13.
   */
  int longestGroupedDigits() {
    chains();
    return groupedDigits;
  }

  /** The most digit runs in a chain joined by single dots ({@code 10.0.0.1}): an IPv4 address needs 4. */
  int longestDottedRuns() {
    chains();
    return dottedRuns;
  }

  /**
   * The most digits in a chain of digit runs joined by one or two of {@code " .-/)"}
   * ({@code (555) 123-4567}): a national phone number needs 10.
   */
  int longestSeparatedDigits() {
    chains();
    return separatedDigits;
  }

  private void chains() {
    if (groupedDigits >= 0) {
      return;
    }
    int grouped = 0;
    int dotted = 0;
    int separated = 0;
    int groupedBest = 0;
    int dottedBest = 0;
    int separatedBest = 0;
    for (int k = 0; k < runs(); k++) {
      int length = runLength(k);
      int gap = k == 0 ? 0 : runStart[k] - runEnd[k - 1];
      char first = gap > 0 ? text.charAt(runEnd[k - 1]) : 0;
      grouped = gap == 1 && (first == ' ' || first == '-') ? grouped + length : length;
      dotted = gap == 1 && first == '.' ? dotted + 1 : 1;
      boolean joined = (gap == 1 || gap == 2) && " .-/)".indexOf(first) >= 0
          && (gap == 1 || " .-/)".indexOf(text.charAt(runEnd[k - 1] + 1)) >= 0);
      separated = joined ? separated + length : length;
      groupedBest = Math.max(groupedBest, grouped);
      dottedBest = Math.max(dottedBest, dotted);
      separatedBest = Math.max(separatedBest, separated);
    }
    groupedDigits = groupedBest;
    dottedRuns = dottedBest;
    separatedDigits = separatedBest;
  }

  private void findRuns() {
    int count = (edgeCount + 1) / 2;
    runStart = new int[count];
    runEnd = new int[count];
    for (int k = 0; k < count; k++) {
      runStart[k] = edges[2 * k];
      runEnd[k] = 2 * k + 1 < edgeCount ? edges[2 * k + 1] : text.length();
    }
    runs = count;
  }
}
