package dev.replaytwin.core;

/**
 * Checks bytes for well-formed UTF-8 without decoding them: what the outcome files' reader and
 * writer and the comparator's JSON token reader use to tell text that reads back to the same bytes
 * from text a lenient decoder would read otherwise.
 *
 * <pre>{@code
 * boolean text = Utf8.isValid(body);          // store as text, else as base64
 * boolean name = Utf8.isValid(json, from, to); // one string's bytes inside a document
 * }</pre>
 */
public final class Utf8 {
  private Utf8() {}

  /**
   * True when {@code bytes} are well-formed UTF-8 (Unicode 15, table 3-7): no overlong forms, no
   * surrogates, nothing above U+10FFFF, no sequence cut short. Exactly the bytes a strict decoder
   * accepts, so that text read back encodes to the same bytes; Jackson accepts more, and reads some
   * of it differently.
   */
  public static boolean isValid(byte[] bytes) {
    return isValid(bytes, 0, bytes.length);
  }

  /**
   * Like {@link #isValid(byte[])} for {@code bytes[from, to)}.
   *
   * @throws IndexOutOfBoundsException when {@code from..to} is not a range of {@code bytes}
   */
  public static boolean isValid(byte[] bytes, int from, int to) {
    java.util.Objects.checkFromToIndex(from, to, bytes.length);
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
