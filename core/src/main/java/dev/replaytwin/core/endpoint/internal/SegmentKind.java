package dev.replaytwin.core.endpoint.internal;

/**
 * What a path segment looks like, judged by a single character scan with no regular expressions
 * and no allocation. Segments are judged as written: percent-encoded text is not decoded.
 */
public enum SegmentKind {
  /** Kept as written. */
  LITERAL(""),
  /** Only ASCII digits: {@code 123}. */
  ID("{id}"),
  /** A signed integer or a decimal: {@code -12}, {@code +7}, {@code 3.14}. */
  NUM("{num}"),
  /** 8-4-4-4-12 hexadecimal digits in either case. */
  UUID("{uuid}"),
  /** At least 16 hexadecimal characters, at least one a digit. */
  HEX("{hex}"),
  /**
   * At least 20 characters of {@code [A-Za-z0-9_-]} with up to two
   * trailing {@code =}, containing both a letter and a digit.
   */
  TOKEN("{token}"),
  /** An ISO date, {@code 2024-01-15}. */
  DATE("{date}"),
  /**
   * A code mixing letters and at least 4 digits, at least 6 characters of {@code [A-Za-z0-9._-]}:
   * SKUs ({@code ALD-BLE-90766}), order numbers ({@code INV12345}), file names with numbers.
   */
  CODE("{code}");

  private static final int MIN_HEX_LENGTH = 16;
  private static final int MIN_TOKEN_LENGTH = 20;
  private static final int UUID_LENGTH = 36;
  private static final int MAX_PADDING = 2;
  private static final int MIN_CODE_LENGTH = 6;
  private static final int MIN_CODE_DIGITS = 4;

  private static final int DIGIT = 1;
  private static final int HEX_LETTER = 1 << 1;
  private static final int OTHER_LETTER = 1 << 2;
  private static final int DASH_OR_UNDERSCORE = 1 << 3;
  private static final int SIGN_OR_DOT = 1 << 4;
  private static final int EQUALS = 1 << 5;

  private final String placeholder;

  SegmentKind(String placeholder) {
    this.placeholder = placeholder;
  }

  /** Returns the text that replaces a segment of this kind; empty for {@link #LITERAL}. */
  public String placeholder() {
    return placeholder;
  }

  /** Classifies the segment {@code path[from, to)}, which contains no {@code /}. */
  public static SegmentKind of(String path, int from, int to) {
    int classes = 0;
    int equalsCount = 0;
    int digits = 0;
    for (int i = from; i < to; i++) {
      char c = path.charAt(i);
      if (c >= '0' && c <= '9') {
        classes |= DIGIT;
        digits++;
      } else if ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) {
        classes |= HEX_LETTER;
      } else if ((c >= 'g' && c <= 'z') || (c >= 'G' && c <= 'Z')) {
        classes |= OTHER_LETTER;
      } else if (c == '-' || c == '_') {
        classes |= DASH_OR_UNDERSCORE;
      } else if (c == '+' || c == '.') {
        classes |= SIGN_OR_DOT;
      } else if (c == '=') {
        classes |= EQUALS;
        equalsCount++;
      } else {
        // No rule accepts any other character, percent signs included.
        return LITERAL;
      }
    }
    int length = to - from;
    if (classes == DIGIT) {
      return ID;
    }
    if ((classes & DIGIT) == 0) {
      return length >= MIN_TOKEN_LENGTH && (classes & (SIGN_OR_DOT | EQUALS)) == 0 && isMixedCase(path, from, to)
          ? TOKEN : LITERAL;
    }
    if (length == UUID_LENGTH && (classes & ~(DIGIT | HEX_LETTER | DASH_OR_UNDERSCORE)) == 0
        && isUuid(path, from)) {
      return UUID;
    }
    if ((classes & ~(DIGIT | DASH_OR_UNDERSCORE | SIGN_OR_DOT)) == 0 && isNumber(path, from, to)) {
      return NUM;
    }
    if (classes == (DIGIT | HEX_LETTER) && length >= MIN_HEX_LENGTH) {
      return HEX;
    }
    boolean hasLetter = (classes & (HEX_LETTER | OTHER_LETTER)) != 0;
    if (hasLetter && (classes & SIGN_OR_DOT) == 0
        && length >= MIN_TOKEN_LENGTH && isPaddingOnly(path, to, equalsCount)) {
      return TOKEN;
    }
    if (classes == (DIGIT | DASH_OR_UNDERSCORE) && isDate(path, from, to)) {
      return DATE;
    }
    if (hasLetter && (classes & EQUALS) == 0 && length >= MIN_CODE_LENGTH && digits >= MIN_CODE_DIGITS
        && noPlusSign(path, from, to)) {
      return CODE;
    }
    return LITERAL;
  }

  /**
   * True for random base-62 text that happens to hold no digit (one 24-character id in 65 does,
   * e.g. a payment provider's {@code ch_bGjBMzkusxkJZMfJNjjmpqTv}): at least a fifth of its letters
   * upper case and a fifth lower case, with capitals side by side at least three times. Words, even
   * in camel case ({@code getAllOrdersForCustomer}), do not look like that.
   */
  private static boolean isMixedCase(String path, int from, int to) {
    int upper = 0;
    int lower = 0;
    int upperPairs = 0;
    boolean previousUpper = false;
    for (int i = from; i < to; i++) {
      char c = path.charAt(i);
      boolean isUpper = c >= 'A' && c <= 'Z';
      if (isUpper) {
        upper++;
        upperPairs += previousUpper ? 1 : 0;
      } else if (c >= 'a' && c <= 'z') {
        lower++;
      }
      previousUpper = isUpper;
    }
    int letters = upper + lower;
    return upper * 5 >= letters && lower * 5 >= letters && upperPairs >= 3;
  }

  private static boolean isUuid(String path, int from) {
    for (int i = 0; i < UUID_LENGTH; i++) {
      char c = path.charAt(from + i);
      boolean dashExpected = i == 8 || i == 13 || i == 18 || i == 23;
      if (dashExpected ? c != '-' : !isHex(c)) {
        return false;
      }
    }
    return true;
  }

  /** Matches {@code [+-]?[0-9]+(\.[0-9]+)?} without backtracking. */
  private static boolean isNumber(String path, int from, int to) {
    int i = from;
    if (path.charAt(i) == '-' || path.charAt(i) == '+') {
      i++;
    }
    int intStart = i;
    while (i < to && isDigit(path.charAt(i))) {
      i++;
    }
    if (i == intStart) {
      return false;
    }
    if (i == to) {
      return true;
    }
    if (path.charAt(i) != '.') {
      return false;
    }
    int fractionStart = ++i;
    while (i < to && isDigit(path.charAt(i))) {
      i++;
    }
    return i == to && i > fractionStart;
  }

  /** {@code dddd-dd-dd}. */
  private static boolean isDate(String path, int from, int to) {
    if (to - from != 10 || path.charAt(from + 4) != '-' || path.charAt(from + 7) != '-') {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (i != from + 4 && i != from + 7 && !isDigit(path.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean noPlusSign(String path, int from, int to) {
    for (int i = from; i < to; i++) {
      if (path.charAt(i) == '+') {
        return false;
      }
    }
    return true;
  }

  /** True when every {@code =} of the segment ending at {@code to} is trailing padding. */
  private static boolean isPaddingOnly(String path, int to, int equalsCount) {
    if (equalsCount > MAX_PADDING) {
      return false;
    }
    for (int i = 1; i <= equalsCount; i++) {
      if (path.charAt(to - i) != '=') {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isHex(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
