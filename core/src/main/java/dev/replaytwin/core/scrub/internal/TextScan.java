package dev.replaytwin.core.scrub.internal;

import java.util.Arrays;

/**
 * One pass over a text noting which characters it holds, so that detectors skip texts they cannot
 * match (an e-mail needs an {@code @}); and, on demand, where its runs of ASCII digits are, so the
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

  private TextScan(String text, int bits) {
    this.text = text;
    this.bits = bits;
  }

  static TextScan of(String text) {
    int bits = 0;
    int digits = 0;
    int colons = 0;
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      int cls = c < 128 ? ASCII[c] : 0;
      bits |= cls;
      digits += (cls >>> DIGIT_SHIFT) & 1;
      colons += (cls >>> COLON_SHIFT) & 1;
    }
    bits &= DIGIT - 1;
    bits |= (digits >= 4 ? DIGITS_4 : 0) | (digits >= 7 ? DIGITS_7 : 0) | (digits >= 9 ? DIGITS_9 : 0) | (digits >= 13 ? DIGITS_13 : 0)
        | (colons >= 2 ? COLONS_2 : 0);
    return new TextScan(text, bits);
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
   * The most digits in a chain of digit runs joined by gaps of 1 to {@code maxGap} characters, all
   * from {@code separators}; {@code countRuns} counts runs instead of digits. Lets a detector that
   * needs, say, 13 digits in dashed groups give up without looking closer.
   */
  int longestChain(String separators, int maxGap, boolean countRuns) {
    int longest = 0;
    int chain = 0;
    for (int k = 0; k < runs(); k++) {
      int size = countRuns ? 1 : runLength(k);
      chain = k > 0 && joined(runEnd[k - 1], runStart[k], separators, maxGap) ? chain + size : size;
      longest = Math.max(longest, chain);
    }
    return longest;
  }

  private boolean joined(int from, int to, String separators, int maxGap) {
    if (to - from > maxGap) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (separators.indexOf(text.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  private void findRuns() {
    int[] starts = new int[16];
    int[] ends = new int[16];
    int count = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      if (!Chars.isDigit(text.charAt(i))) {
        continue;
      }
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
        ends = Arrays.copyOf(ends, count * 2);
      }
      starts[count] = i;
      while (i < n && Chars.isDigit(text.charAt(i))) {
        i++;
      }
      ends[count++] = i;
    }
    runStart = starts;
    runEnd = ends;
    runs = count;
  }
}
