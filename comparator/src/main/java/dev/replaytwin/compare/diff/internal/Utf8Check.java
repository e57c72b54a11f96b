package dev.replaytwin.compare.diff.internal;

/** Checks bytes for well-formed UTF-8 without decoding them. */
final class Utf8Check {
  private Utf8Check() {}

  /**
   * True when {@code bytes[from, to)} are well-formed UTF-8 (Unicode 15, table 3-7): no overlong
   * forms, no surrogates, nothing above U+10FFFF, no sequence cut short. Exactly what a strict decoder
   * accepts; Jackson accepts more, and reads some of it differently.
   */
  static boolean wellFormed(byte[] bytes, int from, int to) {
    int i = from;
    while (i < to) {
      int lead = bytes[i] & 0xFF;
      if (lead < 0x80) {
        i++;
        continue;
      }
      int length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
      if (lead < 0xC2 || lead > 0xF4 || i + length > to) {
        return false;
      }
      int second = bytes[i + 1] & 0xFF;
      int low = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
      int high = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
      if (second < low || second > high) {
        return false;
      }
      for (int k = 2; k < length; k++) {
        if ((bytes[i + k] & 0xC0) != 0x80) {
          return false;
        }
      }
      i += length;
    }
    return true;
  }
}
