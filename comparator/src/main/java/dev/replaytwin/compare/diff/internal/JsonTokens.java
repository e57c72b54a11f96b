package dev.replaytwin.compare.diff.internal;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.replaytwin.core.Nullable;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The tokens of one JSON document, read straight from its bytes: no parser, no tree, no strings.
 * What {@link TokenWalk} compares. {@link #of} reads only documents that Jackson (as {@link BodyView}
 * configures it) reads as exactly one well-formed document with an object or array at its root, and
 * reads the same way: strict RFC 8259 grammar, strict UTF-8, no member name given twice in an object,
 * well inside Jackson's length and nesting limits. For anything else it
 * returns null, and the caller falls back to a parser.
 *
 * <p>Each token is one {@code long}: its kind, whether a string has escapes, and the span of its
 * bytes (a string's without its quotes).
 */
public final class JsonTokens {
  static final int START_OBJECT = 1;
  static final int END_OBJECT = 2;
  static final int START_ARRAY = 3;
  static final int END_ARRAY = 4;
  static final int NAME = 5;
  static final int STRING = 6;
  static final int INT = 7;
  static final int FLOAT = 8;
  static final int TRUE = 9;
  static final int FALSE = 10;
  static final int NULL = 11;

  private static final int KIND_BITS = 4;
  private static final long ESCAPED = 1L << KIND_BITS;
  private static final long BEYOND_ASCII = 1L << (KIND_BITS + 1);
  private static final int FROM_SHIFT = KIND_BITS + 2;
  private static final int OFFSET_BITS = 28;
  private static final long OFFSET_MASK = (1L << OFFSET_BITS) - 1;
  private static final int TO_SHIFT = FROM_SHIFT + OFFSET_BITS;
  /** Far below Jackson's own limits (nesting 1000, numbers 1000 characters, strings 20 million). */
  private static final int MAX_NESTING = 200;
  private static final int MAX_NUMBER = 500;
  private static final int MAX_STRING = 1 << 20;
  /** Up to this many names per object a scan beats hashing. */
  private static final int FEW_NAMES = 16;
  private static final int FAIL = -1;

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;

  final byte[] bytes;
  /** Whether no object was found to give a member name twice; false when that was not looked at. */
  final boolean namesChecked;
  private long[] tokens;
  private int count;
  /** Name tokens of the objects being read, innermost last, with their first bytes to tell most apart fast. */
  private int[] openNames = new int[8];
  private long[] openNameWords = new long[8];
  private int openNameCount;
  /** Paths of the members differences were found at, by name token, for the next comparison against this. */
  private String @Nullable [] paths;

  private JsonTokens(byte[] bytes, boolean checkNames) {
    this.bytes = bytes;
    this.namesChecked = checkNames;
    // Compact JSON of short members holds a token every six bytes or so.
    this.tokens = new long[Math.max(8, bytes.length / 6)];
  }

  /** The tokens of {@code bytes}, or null when only a parser can tell what they hold. */
  public static @Nullable JsonTokens of(byte[] bytes) {
    return of(bytes, true);
  }

  /**
   * Like {@link #of(byte[])}, but leaves repeated member names unnoticed: for a document compared
   * against one that was checked, whose names it must match one for one anyway ({@link TokenWalk}
   * checks the rest when it stops early).
   */
  public static @Nullable JsonTokens ofUnchecked(byte[] bytes) {
    return of(bytes, false);
  }

  private static @Nullable JsonTokens of(byte[] bytes, boolean checkNames) {
    if (bytes.length > OFFSET_MASK) {
      return null;
    }
    JsonTokens t = new JsonTokens(bytes, checkNames);
    int i = t.skipSpace(0);
    if (i == bytes.length || (bytes[i] != '{' && bytes[i] != '[')) {
      return null;
    }
    i = t.value(i, 0);
    return i != FAIL && t.skipSpace(i) == bytes.length ? t : null;
  }

  int count() {
    return count;
  }

  int kind(int t) {
    return (int) (tokens[t] & ((1 << KIND_BITS) - 1));
  }

  boolean escaped(int t) {
    return (tokens[t] & ESCAPED) != 0;
  }

  /** Whether string token {@code t}'s bytes are all ASCII. */
  boolean ascii(int t) {
    return (tokens[t] & BEYOND_ASCII) == 0;
  }

  /** The path kept for member name token {@code t}, or null. */
  @Nullable String path(int t) {
    return paths == null ? null : paths[t];
  }

  /** Keeps {@code path} for member name token {@code t}: a token's ancestors, and so its path, never change. */
  void keepPath(int t, String path) {
    if (paths == null) {
      paths = new String[count];
    }
    paths[t] = path;
  }

  int from(int t) {
    return (int) ((tokens[t] >>> FROM_SHIFT) & OFFSET_MASK);
  }

  int to(int t) {
    return (int) (tokens[t] >>> TO_SHIFT);
  }

  /** Whether token {@code t} here and token {@code u} of {@code other} are spelled the same. */
  boolean sameBytes(int t, JsonTokens other, int u) {
    int f = from(t);
    int g = other.from(u);
    return Arrays.equals(bytes, f, to(t), other.bytes, g, other.to(u));
  }

  private void add(int kind, boolean escaped, int from, int to) {
    add(kind, escaped, false, from, to);
  }

  private void add(int kind, boolean escaped, boolean beyondAscii, int from, int to) {
    if (count == tokens.length) {
      tokens = Arrays.copyOf(tokens, count * 2);
    }
    tokens[count++] = kind | (escaped ? ESCAPED : 0) | (beyondAscii ? BEYOND_ASCII : 0) | ((long) from << FROM_SHIFT)
        | ((long) to << TO_SHIFT);
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
      if (!namesChecked) {
        // Nothing to note: see ofUnchecked.
      } else if (openNameCount - namesFrom < FEW_NAMES) {
        long word = firstWord(name);
        for (int k = namesFrom; k < openNameCount; k++) {
          int other = openNames[k];
          boolean maybe = escaped(name) || escaped(other) || openNameWords[k] == word;
          if (maybe && sameText(other, this, name)) {
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
            many.add(text(openNames[k]));
          }
        }
        if (!many.add(text(name))) {
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
    int from = from(t);
    int length = to(t) - from;
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

  /** Whether string tokens {@code t} here and {@code u} of {@code other} hold the same text. */
  boolean sameText(int t, JsonTokens other, int u) {
    if (sameBytes(t, other, u)) {
      return true;
    }
    // Well-formed UTF-8 without escapes: other bytes are another text.
    return (escaped(t) || other.escaped(u)) && text(t).equals(other.text(u));
  }

  /** String token {@code t}'s text, its escapes decoded as Jackson decodes them (a lone surrogate stays one). */
  String text(int t) {
    byte[] b = bytes;
    int from = from(t);
    int to = to(t);
    if (!escaped(t)) {
      return new String(b, from, to - from, UTF_8);
    }
    StringBuilder out = new StringBuilder(to - from);
    int run = from;
    int i = from;
    while (i < to) {
      if (b[i] != '\\') {
        i++;
        continue;
      }
      // A backslash is ASCII, so it never splits a multi-byte sequence: each run decodes alone.
      out.append(new String(b, run, i - run, UTF_8));
      byte e = b[i + 1];
      switch (e) {
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          out.append((char) Integer.parseInt(new String(b, i + 2, 4, ISO_8859_1), 16));
          i += 4;
        }
        default -> out.append((char) e); // " \ /
      }
      i += 2;
      run = i;
    }
    out.append(new String(b, run, to - run, UTF_8));
    return out.toString();
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
    if (j - from > MAX_STRING || (beyondAscii && !Utf8Check.wellFormed(b, from, j))) {
      return FAIL;
    }
    add(kind, escaped, beyondAscii, from, j);
    return j + 1;
  }

  private static boolean hex(byte c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
