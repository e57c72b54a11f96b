package dev.replaytwin.core.scrub.internal;

/** Tells text from binary for a body without a {@code Content-Type}: UTF-8 without control bytes. */
final class TextSniffer {
  private static final int SNIFF_BYTES = 1024;

  private TextSniffer() {}

  static boolean looksLikeText(byte[] bytes) {
    int n = Math.min(bytes.length, SNIFF_BYTES);
    int i = 0;
    while (i < n) {
      int b = bytes[i] & 0xff;
      if (b < 0x80) {
        if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
          return false;
        }
        i++;
        continue;
      }
      int continuation = b >= 0xf0 && b <= 0xf4 ? 3 : b >= 0xe0 ? 2 : b >= 0xc2 && b < 0xe0 ? 1 : -1;
      if (continuation < 0) {
        return false;
      }
      for (int k = 1; k <= continuation; k++) {
        if (i + k >= bytes.length) {
          return true;
        }
        if ((bytes[i + k] & 0xc0) != 0x80) {
          return false;
        }
      }
      i += continuation + 1;
    }
    return true;
  }
}
