package dev.replaytwin.compare.diff.internal;

import static dev.replaytwin.compare.diff.internal.JsonTokens.END_ARRAY;
import static dev.replaytwin.compare.diff.internal.JsonTokens.END_OBJECT;
import static dev.replaytwin.compare.diff.internal.JsonTokens.FALSE;
import static dev.replaytwin.compare.diff.internal.JsonTokens.FLOAT;
import static dev.replaytwin.compare.diff.internal.JsonTokens.INT;
import static dev.replaytwin.compare.diff.internal.JsonTokens.NAME;
import static dev.replaytwin.compare.diff.internal.JsonTokens.NULL;
import static dev.replaytwin.compare.diff.internal.JsonTokens.START_ARRAY;
import static dev.replaytwin.compare.diff.internal.JsonTokens.START_OBJECT;
import static dev.replaytwin.compare.diff.internal.JsonTokens.STRING;
import static dev.replaytwin.compare.diff.internal.JsonTokens.TRUE;

import dev.replaytwin.core.Utf8;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads one document's bytes into {@link JsonTokens}: strict RFC 8259 grammar and UTF-8, within
 * limits far below Jackson's own (nesting 1000, numbers 1000 characters, strings 20 million), and,
 * unless told not to, no member name given twice in an object. Anything else fails the read. Single
 * use.
 */
final class JsonTokenReader {
  private static final int MAX_NESTING = 200;
  private static final int MAX_NUMBER = 500;
  private static final int MAX_STRING = 1 << 20;
  /** Up to this many names per object a scan beats hashing. */
  private static final int FEW_NAMES = 16;
  private static final int FAIL = -1;

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;

  private final byte[] bytes;
  private final boolean checkNames;
  private long[] tokens;
  private int count;
  /** Name tokens of the objects being read, innermost last, with their first bytes to tell most apart fast. */
  private int[] openNames = new int[8];
  private long[] openNameWords = new long[8];
  private int openNameCount;

  JsonTokenReader(byte[] bytes, boolean checkNames) {
    this.bytes = bytes;
    this.checkNames = checkNames;
    // Compact JSON of short members holds a token every six bytes or so.
    this.tokens = new long[Math.max(8, bytes.length / 6)];
  }

  /** The tokens read; the array may be longer than {@link #count()}. */
  long[] tokens() {
    return tokens;
  }

  int count() {
    return count;
  }

  /** Reads the whole document: true when it is one object or array and nothing else. */
  boolean read() {
    int i = skipSpace(0);
    if (i == bytes.length || (bytes[i] != '{' && bytes[i] != '[')) {
      return false;
    }
    i = value(i, 0);
    return i != FAIL && skipSpace(i) == bytes.length;
  }

  private void add(int kind, boolean escaped, int from, int to) {
    add(kind, escaped, false, from, to);
  }

  private void add(int kind, boolean escaped, boolean beyondAscii, int from, int to) {
    if (count == tokens.length) {
      tokens = Arrays.copyOf(tokens, count * 2);
    }
    tokens[count++] = JsonTokens.token(kind, escaped, beyondAscii, from, to);
  }

  private int skipSpace(int i) {
    byte[] b = bytes;
    while (i < b.length && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
      i++;
    }
    return i;
  }

  /** Reads the value at {@code bytes[i]}; the index after it, or {@link #FAIL}. */
  private int value(int i, int depth) {
    if (i >= bytes.length) {
      return FAIL;
    }
    byte c = bytes[i];
    return switch (c) {
      case '{' -> object(i, depth + 1);
      case '[' -> array(i, depth + 1);
      case '"' -> string(i, STRING);
      case 't' -> literal(i, "true", TRUE);
      case 'f' -> literal(i, "false", FALSE);
      case 'n' -> literal(i, "null", NULL);
      default -> c == '-' || (c >= '0' && c <= '9') ? number(i) : FAIL;
    };
  }

  private int object(int i, int depth) {
    if (depth > MAX_NESTING) {
      return FAIL;
    }
    add(START_OBJECT, false, i, i + 1);
    int namesFrom = openNameCount;
    i = skipSpace(i + 1);
    if (i < bytes.length && bytes[i] == '}') {
      add(END_OBJECT, false, i, i + 1);
      return i + 1;
    }
    Set<String> many = null;
    while (true) {
      if (i >= bytes.length || bytes[i] != '"') {
        return FAIL;
      }
      int name = count;
      i = string(i, NAME);
      if (i == FAIL) {
        return FAIL;
      }
      if (!checkNames) {
        // Nothing to note: see ofUnchecked.
      } else if (openNameCount - namesFrom < FEW_NAMES) {
        long word = firstWord(name);
        for (int k = namesFrom; k < openNameCount; k++) {
          int other = openNames[k];
          boolean maybe = JsonTokens.escaped(tokens[name]) || JsonTokens.escaped(tokens[other]) || openNameWords[k] == word;
          if (maybe && JsonTokens.sameText(bytes, tokens[other], bytes, tokens[name])) {
            return FAIL; // a tree keeps only the last value of a repeated name
          }
        }
        if (openNameCount == openNames.length) {
          openNames = Arrays.copyOf(openNames, openNameCount * 2);
          openNameWords = Arrays.copyOf(openNameWords, openNameCount * 2);
        }
        openNameWords[openNameCount] = word;
        openNames[openNameCount++] = name;
      } else {
        if (many == null) {
          many = new HashSet<>();
          for (int k = namesFrom; k < openNameCount; k++) {
            many.add(JsonTokens.text(bytes, tokens[openNames[k]]));
          }
        }
        if (!many.add(JsonTokens.text(bytes, tokens[name]))) {
          return FAIL;
        }
      }
      i = skipSpace(i);
      if (i >= bytes.length || bytes[i] != ':') {
        return FAIL;
      }
      i = value(skipSpace(i + 1), depth);
      if (i == FAIL) {
        return FAIL;
      }
      i = skipSpace(i);
      if (i >= bytes.length) {
        return FAIL;
      }
      if (bytes[i] == '}') {
        add(END_OBJECT, false, i, i + 1);
        openNameCount = namesFrom;
        return i + 1;
      }
      if (bytes[i] != ',') {
        return FAIL;
      }
      i = skipSpace(i + 1);
    }
  }

  /** Token {@code t}'s length and first bytes: equal for equal bytes, and rarely otherwise. */
  private long firstWord(int t) {
    int from = JsonTokens.from(tokens[t]);
    int length = JsonTokens.to(tokens[t]) - from;
    long word;
    if (from + Long.BYTES <= bytes.length) {
      word = (long) LONGS.get(bytes, from);
      if (length < Long.BYTES) {
        word &= (1L << (length * Byte.SIZE)) - 1;
      }
    } else {
      word = 0;
      for (int k = Math.min(length, Long.BYTES) - 1; k >= 0; k--) {
        word = (word << Byte.SIZE) | (bytes[from + k] & 0xFF);
      }
    }
    return word * 31 + length;
  }

  private int array(int i, int depth) {
    if (depth > MAX_NESTING) {
      return FAIL;
    }
    add(START_ARRAY, false, i, i + 1);
    i = skipSpace(i + 1);
    if (i < bytes.length && bytes[i] == ']') {
      add(END_ARRAY, false, i, i + 1);
      return i + 1;
    }
    while (true) {
      i = value(i, depth);
      if (i == FAIL) {
        return FAIL;
      }
      i = skipSpace(i);
      if (i >= bytes.length) {
        return FAIL;
      }
      if (bytes[i] == ']') {
        add(END_ARRAY, false, i, i + 1);
        return i + 1;
      }
      if (bytes[i] != ',') {
        return FAIL;
      }
      i = skipSpace(i + 1);
    }
  }

  private int literal(int i, String word, int kind) {
    int end = i + word.length();
    if (end > bytes.length) {
      return FAIL;
    }
    for (int k = 0; k < word.length(); k++) {
      if (bytes[i + k] != word.charAt(k)) {
        return FAIL;
      }
    }
    // Jackson reads "truex" as an unknown token; only a delimiter may follow.
    if (end < bytes.length && !delimiter(bytes[end])) {
      return FAIL;
    }
    add(kind, false, i, end);
    return end;
  }

  private static boolean delimiter(byte c) {
    return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t';
  }

  /** RFC 8259 numbers: {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?}. */
  private int number(int i) {
    byte[] b = bytes;
    int start = i;
    if (b[i] == '-') {
      i++;
    }
    if (i >= b.length || !digit(b[i])) {
      return FAIL;
    }
    if (b[i] == '0') {
      i++;
    } else {
      while (i < b.length && digit(b[i])) {
        i++;
      }
    }
    boolean fraction = false;
    if (i < b.length && b[i] == '.') {
      fraction = true;
      i++;
      int digits = i;
      while (i < b.length && digit(b[i])) {
        i++;
      }
      if (i == digits) {
        return FAIL;
      }
    }
    if (i < b.length && (b[i] == 'e' || b[i] == 'E')) {
      fraction = true;
      i++;
      if (i < b.length && (b[i] == '+' || b[i] == '-')) {
        i++;
      }
      int digits = i;
      while (i < b.length && digit(b[i])) {
        i++;
      }
      if (i == digits) {
        return FAIL;
      }
    }
    if (i - start > MAX_NUMBER || (i < b.length && !delimiter(b[i]))) {
      return FAIL;
    }
    add(fraction ? FLOAT : INT, false, start, i);
    return i;
  }

  private static boolean digit(byte c) {
    return c >= '0' && c <= '9';
  }

  /** Reads the string at {@code bytes[i]} as a token of {@code kind}; the index after its closing quote. */
  private int string(int i, int kind) {
    byte[] b = bytes;
    int from = i + 1;
    int j = from;
    boolean escaped = false;
    boolean beyondAscii = false;
    while (true) {
      while (j + Long.BYTES <= b.length) {
        long w = (long) LONGS.get(b, j);
        long quote = w ^ 0x2222222222222222L;
        long backslash = w ^ 0x5C5C5C5C5C5C5C5CL;
        // The lowest byte flagged is exact (borrows only spill upwards), and little-endian puts it first.
        long special = (((quote - ONES) & ~quote) | ((backslash - ONES) & ~backslash)
            | ((w - 0x2020202020202020L) & ~w) | w) & HIGH_BITS;
        if (special != 0) {
          j += Long.numberOfTrailingZeros(special) >>> 3;
          break;
        }
        j += Long.BYTES;
      }
      if (j >= b.length) {
        return FAIL;
      }
      byte c = b[j];
      if (c == '"') {
        break;
      }
      if (c == '\\') {
        escaped = true;
        if (j + 1 >= b.length) {
          return FAIL;
        }
        switch (b[j + 1]) {
          case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> j += 2;
          case 'u' -> {
            if (j + 6 > b.length || !hex(b[j + 2]) || !hex(b[j + 3]) || !hex(b[j + 4]) || !hex(b[j + 5])) {
              return FAIL;
            }
            j += 6;
          }
          default -> {
            return FAIL;
          }
        }
      } else if (c < 0) {
        beyondAscii = true;
        j++;
      } else if (c < 0x20) {
        return FAIL; // Jackson refuses unescaped control characters
      } else {
        j++;
      }
    }
    if (j - from > MAX_STRING || (beyondAscii && !Utf8.isValid(b, from, j))) {
      return FAIL;
    }
    add(kind, escaped, beyondAscii, from, j);
    return j + 1;
  }

  private static boolean hex(byte c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
