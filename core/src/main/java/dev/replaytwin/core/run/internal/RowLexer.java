package dev.replaytwin.core.run.internal;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.replaytwin.core.Utf8;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The JSON values of one row, read from its bytes for {@link RowScanner}: strings (their spans, and
 * as text), the body's string unescaped to bytes, integers, literals. Where a row is not all there
 * it throws {@link #NEED_MORE}; where Jackson would read it otherwise, or not at all, {@link
 * #DECLINE}. Not thread-safe.
 */
final class RowLexer {
  /** Bytes that need no attention inside a string: neither quote, backslash, control nor beyond ASCII. */
  private static final boolean[] PLAIN = new boolean[256];
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long SPACES = 0x2020202020202020L;
  private static final long HIGH_BITS = 0x8080808080808080L;

  static {
    for (int c = 0x20; c < 0x80; c++) {
      PLAIN[c] = c != '"' && c != '\\';
    }
  }

  /** Thrown to stop scanning; preallocated, without a stack trace, as it is control flow. */
  static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stop() {
      super(null, null, false, false);
    }
  }

  static final Stop NEED_MORE = new Stop();
  static final Stop DECLINE = new Stop();

  /** The row's bytes, read up to {@link #end}. */
  byte[] b = new byte[0];
  int end;
  /** The last string read: its content's span, and whether it has escapes or bytes beyond ASCII. */
  int textFrom;
  int textTo;
  int textEscapes;
  boolean textBeyondAscii;
  long number;
  /** The body unescaped so far, and its length once read. */
  byte[] scratch = new byte[4096];
  int bodyLength;
  private int unescapedTo;

  /** Reads from {@code bytes}, up to {@code limit}. */
  void reset(byte[] bytes, int limit) {
    b = bytes;
    end = limit;
  }

  /** The byte at {@code i}; {@link #NEED_MORE} past the end. */
  byte at(int i) {
    if (i >= end) {
      throw NEED_MORE;
    }
    return b[i];
  }

  /** Whether the bytes from {@code from} on are {@code name}'s (the caller knows they are there). */
  boolean sameBytes(byte[] name, int from) {
    for (int k = 0; k < name.length; k++) {
      if (b[from + k] != name[k]) {
        return false;
      }
    }
    return true;
  }

  boolean literal(int i, byte[] word) {
    for (int k = 0; k < word.length; k++) {
      if (at(i + k) != word[k]) {
        return false;
      }
    }
    return true;
  }

  /** Reads the string at {@code b[i]}, noting its content's span; the index after its closing quote. */
  int string(int i) {
    if (at(i) != '"') {
      throw DECLINE;
    }
    int j = i + 1;
    int escapes = 0;
    boolean beyondAscii = false;
    while (true) {
      j = plainRun(j);
      byte c = at(j);
      if (c == '"') {
        break;
      }
      if (c == '\\') {
        escapes++;
        j += 2;
        continue;
      }
      if (c >= 0) {
        throw DECLINE; // Jackson refuses unescaped control characters
      }
      beyondAscii = true;
      j++;
    }
    textFrom = i + 1;
    textTo = j;
    textEscapes = escapes;
    textBeyondAscii = beyondAscii;
    return j + 1;
  }

  /**
   * The index of the first byte at or after {@code j} that is not plain inside a string (a quote, a
   * backslash, a control character or a byte beyond ASCII), or {@link #end}; eight bytes at a time.
   */
  int plainRun(int j) {
    while (j + Long.BYTES <= end) {
      long special = special((long) LONGS.get(b, j));
      if (special != 0) {
        return j + (Long.numberOfTrailingZeros(special) >>> 3);
      }
      j += Long.BYTES;
    }
    while (j < end && PLAIN[b[j] & 0xFF]) {
      j++;
    }
    return j;
  }

  /**
   * The high bit of each byte of {@code w} that is not plain inside a string. The lowest one flagged
   * is exact (borrows only spill upwards), and little-endian puts it first.
   */
  private static long special(long w) {
    long quote = w ^ 0x2222222222222222L;
    long backslash = w ^ 0x5C5C5C5C5C5C5C5CL;
    return (((quote - ONES) & ~quote) | ((backslash - ONES) & ~backslash) | ((w - SPACES) & ~w) | w) & HIGH_BITS;
  }

  /** The last string as text; declines escapes and ill-formed UTF-8. */
  String text() {
    if (textEscapes > 0) {
      throw DECLINE;
    }
    if (!textBeyondAscii) {
      return new String(b, textFrom, textTo - textFrom, ISO_8859_1);
    }
    if (!Utf8.isValid(b, textFrom, textTo)) {
      throw DECLINE;
    }
    return new String(b, textFrom, textTo - textFrom, UTF_8);
  }

  /**
   * Reads the body's string at {@code b[i]}, unescaping it into {@link #scratch} as it goes: the
   * UTF-8 bytes Jackson's text would encode to, {@link #bodyLength} of them. Declines escaped
   * surrogates (a lone one encodes as {@code ?}) and ill-formed UTF-8 (which Jackson may read
   * leniently). The index after its closing quote.
   */
  int bodyString(int i) {
    if (at(i) != '"') {
      throw DECLINE;
    }
    int j = i + 1;
    int n = 0;
    boolean beyondAscii = false;
    byte[] out = scratch;
    while (true) {
      if (out.length - n < 2 * Long.BYTES) {
        out = scratch = Arrays.copyOf(out, out.length * 2);
      }
      if (j + Long.BYTES <= end) {
        // Copy a word whatever it holds, and keep as much of it as is plain.
        long w = (long) LONGS.get(b, j);
        LONGS.set(out, n, w);
        long special = special(w);
        if (special == 0) {
          j += Long.BYTES;
          n += Long.BYTES;
          continue;
        }
        int plain = Long.numberOfTrailingZeros(special) >>> 3;
        j += plain;
        n += plain;
      }
      byte c = at(j);
      if (PLAIN[c & 0xFF]) {
        out[n++] = c;
        j++;
      } else if (c == '"') {
        break;
      } else if (c == '\\') {
        j = unescape(j, out, n);
        n = unescapedTo;
      } else if (c < 0) {
        beyondAscii = true;
        out[n++] = c;
        j++;
      } else {
        throw DECLINE; // Jackson refuses unescaped control characters
      }
    }
    // Escapes encode to whole sequences, so the result is well-formed exactly when the raw bytes are.
    if (beyondAscii && !Utf8.isValid(out, 0, n)) {
      throw DECLINE;
    }
    bodyLength = n;
    return j + 1;
  }

  /** Writes what the escape at {@code b[j]} stands for at {@code out[n]}; the index after the escape. */
  private int unescape(int j, byte[] out, int n) {
    byte e = at(j + 1);
    switch (e) {
      case '"', '\\', '/' -> out[n++] = e;
      case 'b' -> out[n++] = '\b';
      case 'f' -> out[n++] = '\f';
      case 'n' -> out[n++] = '\n';
      case 'r' -> out[n++] = '\r';
      case 't' -> out[n++] = '\t';
      case 'u' -> {
        int ch = (hex(at(j + 2)) << 12) | (hex(at(j + 3)) << 8) | (hex(at(j + 4)) << 4) | hex(at(j + 5));
        unescapedTo = encode(ch, out, n);
        return j + 6;
      }
      default -> throw DECLINE;
    }
    unescapedTo = n;
    return j + 2;
  }

  private static int hex(byte c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    throw DECLINE;
  }

  /** Writes {@code ch} (a BMP character, not a surrogate) as UTF-8. */
  private static int encode(int ch, byte[] out, int n) {
    if (ch < 0x80) {
      out[n++] = (byte) ch;
    } else if (ch < 0x800) {
      out[n++] = (byte) (0xC0 | (ch >> 6));
      out[n++] = (byte) (0x80 | (ch & 0x3F));
    } else if (ch >= 0xD800 && ch <= 0xDFFF) {
      throw DECLINE;
    } else {
      out[n++] = (byte) (0xE0 | (ch >> 12));
      out[n++] = (byte) (0x80 | ((ch >> 6) & 0x3F));
      out[n++] = (byte) (0x80 | (ch & 0x3F));
    }
    return n;
  }

  /**
   * Reads a JSON integer into {@link #number}; the index after it. Declines what is not an integer
   * Jackson reads as a long: fractions, exponents, leading zeros, anything beyond
   * {@code ±9223372036854775807}.
   */
  int integer(int i) {
    boolean negative = at(i) == '-';
    if (negative) {
      i++;
    }
    int first = i;
    long v = 0;
    byte c;
    while ((c = at(i)) >= '0' && c <= '9') {
      // Eighteen digits always fit; from the nineteenth on, check.
      if (i - first >= 18 && v > (Long.MAX_VALUE - (c - '0')) / 10) {
        throw DECLINE;
      }
      v = v * 10 + (c - '0');
      i++;
    }
    int digits = i - first;
    if (digits == 0 || (digits > 1 && b[first] == '0') || c == '.' || c == 'e' || c == 'E') {
      throw DECLINE;
    }
    number = negative ? -v : v;
    return i;
  }

  boolean beyondAscii(int from, int to) {
    for (int k = from; k < to; k++) {
      if (b[k] < 0) {
        return true;
      }
    }
    return false;
  }

}
