package dev.replaytwin.core.scrub.internal;

/** ASCII character classes; detectors deliberately ignore non-ASCII letters and digits. */
final class Chars {
  private Chars() {}

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  static boolean isAlnum(char c) {
    return isDigit(c) || isLetter(c);
  }

  static boolean isWord(char c) {
    return isAlnum(c) || c == '_';
  }

  static boolean isHex(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  static boolean isBase64Url(char c) {
    return isAlnum(c) || c == '-' || c == '_';
  }

  /** The character before {@code i}, or a space at the start. */
  static char before(String s, int i) {
    return i > 0 ? s.charAt(i - 1) : ' ';
  }

  /** The character at {@code i}, or a space past the end. */
  static char at(String s, int i) {
    return i < s.length() ? s.charAt(i) : ' ';
  }
}
