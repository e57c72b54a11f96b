package dev.replaytwin.compare.diff.internal;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.replaytwin.core.Nullable;
import java.util.Arrays;

/**
 * The tokens of one JSON document, read straight from its bytes: no parser, no tree, no strings.
 * What {@link TokenWalk} compares. {@link #of} ({@link JsonTokenReader}) reads only documents that
 * Jackson (as {@link BodyView} configures it) reads as exactly one well-formed document with an object
 * or array at its root, and reads the same way: strict RFC 8259 grammar, strict UTF-8, no member name
 * given twice in an object, well inside Jackson's length and nesting limits. For anything else it
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

  final byte[] bytes;
  /** Whether no object was found to give a member name twice; false when that was not looked at. */
  final boolean namesChecked;
  private final long[] tokens;
  private final int count;
  /** Paths of the members differences were found at, by name token, for the next comparison against this. */
  private String @Nullable [] paths;

  private JsonTokens(byte[] bytes, boolean namesChecked, long[] tokens, int count) {
    this.bytes = bytes;
    this.namesChecked = namesChecked;
    this.tokens = tokens;
    this.count = count;
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
    JsonTokenReader reader = new JsonTokenReader(bytes, checkNames);
    return reader.read() ? new JsonTokens(bytes, checkNames, reader.tokens(), reader.count()) : null;
  }

  int count() {
    return count;
  }

  int kind(int t) {
    return (int) (tokens[t] & ((1 << KIND_BITS) - 1));
  }

  boolean escaped(int t) {
    return escaped(tokens[t]);
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
    return from(tokens[t]);
  }

  int to(int t) {
    return to(tokens[t]);
  }

  /** Whether token {@code t} here and token {@code u} of {@code other} are spelled the same. */
  boolean sameBytes(int t, JsonTokens other, int u) {
    return sameBytes(bytes, tokens[t], other.bytes, other.tokens[u]);
  }

  /** Whether string tokens {@code t} here and {@code u} of {@code other} hold the same text. */
  boolean sameText(int t, JsonTokens other, int u) {
    return sameText(bytes, tokens[t], other.bytes, other.tokens[u]);
  }

  /** String token {@code t}'s text, its escapes decoded as Jackson decodes them (a lone surrogate stays one). */
  String text(int t) {
    return text(bytes, tokens[t]);
  }

  /** A token as one {@code long}. */
  static long token(int kind, boolean escaped, boolean beyondAscii, int from, int to) {
    return kind | (escaped ? ESCAPED : 0) | (beyondAscii ? BEYOND_ASCII : 0) | ((long) from << FROM_SHIFT)
        | ((long) to << TO_SHIFT);
  }

  static boolean escaped(long token) {
    return (token & ESCAPED) != 0;
  }

  static int from(long token) {
    return (int) ((token >>> FROM_SHIFT) & OFFSET_MASK);
  }

  static int to(long token) {
    return (int) (token >>> TO_SHIFT);
  }

  static boolean sameBytes(byte[] bytes, long token, byte[] otherBytes, long other) {
    return Arrays.equals(bytes, from(token), to(token), otherBytes, from(other), to(other));
  }

  static boolean sameText(byte[] bytes, long token, byte[] otherBytes, long other) {
    if (sameBytes(bytes, token, otherBytes, other)) {
      return true;
    }
    // Well-formed UTF-8 without escapes: other bytes are another text.
    return (escaped(token) || escaped(other)) && text(bytes, token).equals(text(otherBytes, other));
  }

  /** A string token's text, its escapes decoded as Jackson decodes them (a lone surrogate stays one). */
  static String text(byte[] b, long token) {
    int from = from(token);
    int to = to(token);
    if (!escaped(token)) {
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
}
