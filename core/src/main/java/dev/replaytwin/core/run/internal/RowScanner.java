package dev.replaytwin.core.run.internal;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.replaytwin.core.Header;
import dev.replaytwin.core.Headers;
import dev.replaytwin.core.Nullable;
import dev.replaytwin.core.run.ErrorKind;
import dev.replaytwin.core.run.Outcome;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a row straight from the file's bytes, without a JSON parser: the fast path under {@link
 * RowDecoder}, about ten times cheaper. It reads the rows {@link RowEncoder} writes: compact JSON of
 * the known fields, one object a line, strings without escapes except in the body (whose escapes it
 * decodes to the bytes Jackson's text would encode to). Anything else, it declines ({@link #UNREAD}),
 * and the caller has {@link RowDecoder} read the row, so every row that scans reads exactly as Jackson
 * would have read it: same values, and where Jackson would fail, no row at all.
 *
 * <p>Strings that repeat from row to row (endpoint, method, content type, error detail, header
 * lists) are decoded once and shared. Not thread-safe.
 */
public final class RowScanner {
  /** {@link #scan} ran past the bytes given: the row is not all there yet. */
  public static final int MORE = -1;
  /** {@link #scan} declined the row: have {@link RowDecoder} read it. */
  public static final int UNREAD = -2;

  private static final int ID = 0;
  private static final int LOOP = 1;
  private static final int ENDPOINT = 2;
  private static final int METHOD = 3;
  private static final int INTENDED = 4;
  private static final int SENT = 5;
  private static final int LATENCY = 6;
  private static final int SERVICE = 7;
  private static final int STATUS = 8;
  private static final int ERROR = 9;
  private static final int DETAIL = 10;
  private static final int SIZE = 11;
  private static final int DIGEST = 12;
  private static final int CONTENT_TYPE = 13;
  private static final int BODY_ENCODING = 14;
  private static final int BODY = 15;
  private static final int BODY_TRUNCATED = 16;
  private static final int BODY_LENGTH = 17;
  private static final int HEADERS = 18;
  /** Field names by index, in the order {@link RowEncoder} writes them, which is the order tried first. */
  private static final byte[][] NAMES = names(OutcomeFormat.ID, OutcomeFormat.LOOP, OutcomeFormat.ENDPOINT,
      OutcomeFormat.METHOD, OutcomeFormat.INTENDED, OutcomeFormat.SENT, OutcomeFormat.LATENCY, OutcomeFormat.SERVICE,
      OutcomeFormat.STATUS, OutcomeFormat.ERROR, OutcomeFormat.DETAIL, OutcomeFormat.SIZE, OutcomeFormat.DIGEST,
      OutcomeFormat.CONTENT_TYPE, OutcomeFormat.BODY_ENCODING, OutcomeFormat.BODY, OutcomeFormat.BODY_TRUNCATED,
      OutcomeFormat.BODY_LENGTH, OutcomeFormat.HEADERS);
  private static final byte[] TRUE = "true".getBytes(US_ASCII);
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

  private static final byte[] FALSE = "false".getBytes(US_ASCII);

  /** Thrown to stop scanning; preallocated, without a stack trace, as it is control flow. */
  private static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stop() {
      super(null, null, false, false);
    }
  }

  private static final Stop NEED_MORE = new Stop();
  private static final Stop DECLINE = new Stop();

  private final ByteStrings<String> strings = new ByteStrings<>(1024, 128);
  private final ByteStrings<Headers> headerLists = new ByteStrings<>(256, 2048);
  private byte[] b = new byte[0];
  private int end;
  /** The last string read: its content's span, and whether it has escapes or bytes beyond ASCII. */
  private int textFrom;
  private int textTo;
  private int textEscapes;
  private boolean textBeyondAscii;
  private long number;
  /** The body unescaped so far, and its length once read. */
  private byte[] scratch = new byte[4096];
  private int bodyLength;
  private int unescapedTo;
  private int[] headerSpans = new int[32];
  private @Nullable Outcome outcome;
  /** The row being read; one for every row, as nothing keeps it. */
  private final RowFields fields = new RowFields();

  /**
   * Reads the row starting at {@code bytes[from]}, up to {@code limit}: the index after its line's
   * {@code \n}, with the row in {@link #outcome()}; or {@link #MORE} or {@link #UNREAD}.
   */
  public int scan(byte[] bytes, int from, int limit) {
    b = bytes;
    end = limit;
    outcome = null;
    try {
      RowFields row = fields;
      row.reset();
      int next = row(from, row);
      outcome = row.toOutcome();
      return next;
    } catch (Stop stop) {
      return stop == NEED_MORE ? MORE : UNREAD;
    } catch (IllegalArgumentException invalid) {
      // RowDecoder fails on the same row, with the same message: leave it to it.
      return UNREAD;
    }
  }

  /** The row the last successful {@link #scan} read. */
  public Outcome outcome() {
    if (outcome == null) {
      throw new IllegalStateException("no row scanned");
    }
    return outcome;
  }

  private byte at(int i) {
    if (i >= end) {
      throw NEED_MORE;
    }
    return b[i];
  }

  private int row(int i, RowFields row) {
    if (at(i) != '{') {
      throw DECLINE;
    }
    i++;
    int field = -1;
    while (true) {
      if (at(i) != '"') {
        throw DECLINE;
      }
      field = expectedField(i + 1, field + 1);
      if (field >= 0) {
        i += NAMES[field].length + 2;
      } else {
        int nameTo = plainName(i + 1);
        field = field(i + 1, nameTo, 0);
        i = nameTo + 1;
      }
      if (at(i) != ':') {
        throw DECLINE;
      }
      i = value(i + 1, field, row);
      byte c = at(i++);
      if (c == '}') {
        break;
      }
      if (c != ',') {
        throw DECLINE;
      }
    }
    if (at(i) != '\n') {
      throw DECLINE;
    }
    return i + 1;
  }

  private int value(int i, int field, RowFields row) {
    // One call site per kind of value, so that the JIT compiles each reader once.
    switch (field) {
      case BODY -> {
        i = bodyString(i);
        row.bodyBytes = Arrays.copyOf(scratch, bodyLength);
      }
      case HEADERS -> i = headers(i, row);
      case BODY_TRUNCATED -> {
        if (literal(i, TRUE)) {
          row.bodyTruncated = true;
          i += TRUE.length;
        } else if (literal(i, FALSE)) {
          row.bodyTruncated = false;
          i += FALSE.length;
        } else {
          throw DECLINE;
        }
      }
      case LOOP, INTENDED, SENT, LATENCY, SERVICE, STATUS, SIZE, BODY_LENGTH -> {
        i = integer(i);
        setNumber(field, row, number);
      }
      default -> {
        i = string(i);
        setText(field, row, field == ID || field == DIGEST ? text() : keptText());
      }
    }
    return i;
  }

  private static void setNumber(int field, RowFields row, long n) {
    switch (field) {
      case LOOP -> {
        row.loop = n;
        row.hasLoop = true;
      }
      case INTENDED -> {
        row.intended = n;
        row.hasIntended = true;
      }
      case SENT -> row.sent = n;
      case LATENCY -> row.latency = n;
      case SERVICE -> row.service = n;
      case STATUS -> row.status = n;
      case SIZE -> row.size = n;
      default -> row.bodyLength = n;
    }
  }

  private static void setText(int field, RowFields row, String text) {
    switch (field) {
      case ID -> row.id = text;
      case ENDPOINT -> row.endpoint = text;
      case METHOD -> row.method = text;
      case ERROR -> row.error = ErrorKind.ofLabel(text);
      case DETAIL -> row.detail = text;
      case DIGEST -> row.digest = text;
      case CONTENT_TYPE -> row.contentType = text;
      case BODY_ENCODING -> row.bodyEncoding = text;
      default -> throw DECLINE;
    }
  }

  /** The index of the closing quote of a name starting at {@code i}; declines escapes and non-ASCII. */
  private int plainName(int i) {
    int j = plainRun(i);
    if (at(j) != '"') {
      throw DECLINE;
    }
    return j;
  }

  /**
   * The first field from {@code next} on, in the order the encoder writes them, whose name and
   * closing quote follow at {@code b[from]}; -1 when none does. Rows leave fields out but never
   * reorder them, so this finds nearly every name.
   */
  private int expectedField(int from, int next) {
    for (int f = next; f < NAMES.length; f++) {
      byte[] name = NAMES[f];
      if (from + name.length < end && b[from + name.length] == '"' && sameBytes(name, from)) {
        return f;
      }
    }
    return -1;
  }

  /** The field named {@code b[from, to)}, trying {@code guess} first; declines names it does not know. */
  private int field(int from, int to, int guess) {
    int length = to - from;
    for (int k = 0; k < NAMES.length; k++) {
      int f = guess + k < NAMES.length ? guess + k : guess + k - NAMES.length;
      byte[] name = NAMES[f];
      if (name.length == length && sameBytes(name, from)) {
        return f;
      }
    }
    throw DECLINE;
  }

  private boolean sameBytes(byte[] name, int from) {
    for (int k = 0; k < name.length; k++) {
      if (b[from + k] != name[k]) {
        return false;
      }
    }
    return true;
  }

  private boolean literal(int i, byte[] word) {
    for (int k = 0; k < word.length; k++) {
      if (at(i + k) != word[k]) {
        return false;
      }
    }
    return true;
  }

  /** Reads the string at {@code b[i]}, noting its content's span; the index after its closing quote. */
  private int string(int i) {
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
  private int plainRun(int j) {
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
  private String text() {
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

  /** Like {@link #text()}, shared with earlier rows that had the same bytes. */
  private String keptText() {
    if (textEscapes > 0 || !strings.keeps(textTo - textFrom)) {
      return text();
    }
    int hash = ByteStrings.hash(b, textFrom, textTo);
    String kept = strings.get(b, textFrom, textTo, hash);
    if (kept == null) {
      kept = text();
      strings.put(b, textFrom, textTo, hash, kept);
    }
    return kept;
  }

  /**
   * Reads the body's string at {@code b[i]}, unescaping it into {@link #scratch} as it goes: the
   * UTF-8 bytes Jackson's text would encode to, {@link #bodyLength} of them. Declines escaped
   * surrogates (a lone one encodes as {@code ?}) and ill-formed UTF-8 (which Jackson may read
   * leniently). The index after its closing quote.
   */
  private int bodyString(int i) {
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
  private int integer(int i) {
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

  /** Reads {@code [[name, value], ...]}, shared with earlier rows that had the same bytes. */
  private int headers(int i, RowFields row) {
    if (at(i) != '[') {
      throw DECLINE;
    }
    int from = i;
    int spans = 0;
    i++;
    if (at(i) == ']') {
      i++;
    } else {
      while (true) {
        if (at(i) != '[') {
          throw DECLINE;
        }
        i = string(i + 1);
        if (textEscapes > 0 || at(i) != ',') {
          throw DECLINE;
        }
        int nameFrom = textFrom;
        int nameTo = textTo;
        i = string(i + 1);
        if (textEscapes > 0 || at(i) != ']') {
          throw DECLINE;
        }
        if (spans + 4 > headerSpans.length) {
          headerSpans = Arrays.copyOf(headerSpans, headerSpans.length * 2);
        }
        headerSpans[spans++] = nameFrom;
        headerSpans[spans++] = nameTo;
        headerSpans[spans++] = textFrom;
        headerSpans[spans++] = textTo;
        byte c = at(i + 1);
        i += 2;
        if (c == ']') {
          break;
        }
        if (c != ',') {
          throw DECLINE;
        }
      }
    }
    boolean keep = headerLists.keeps(i - from);
    int hash = keep ? ByteStrings.hash(b, from, i) : 0;
    Headers kept = keep ? headerLists.get(b, from, i, hash) : null;
    if (kept == null) {
      List<Header> entries = new ArrayList<>(spans / 4);
      for (int k = 0; k < spans; k += 4) {
        textFrom = headerSpans[k];
        textTo = headerSpans[k + 1];
        textBeyondAscii = beyondAscii(textFrom, textTo);
        String name = keptText();
        textFrom = headerSpans[k + 2];
        textTo = headerSpans[k + 3];
        textBeyondAscii = beyondAscii(textFrom, textTo);
        entries.add(new Header(name, keptText()));
      }
      kept = new Headers(entries);
      if (keep) {
        headerLists.put(b, from, i, hash, kept);
      }
    }
    row.headers = kept;
    return i;
  }

  private boolean beyondAscii(int from, int to) {
    for (int k = from; k < to; k++) {
      if (b[k] < 0) {
        return true;
      }
    }
    return false;
  }

  private static byte[][] names(String... names) {
    byte[][] out = new byte[names.length][];
    for (int i = 0; i < names.length; i++) {
      out[i] = names[i].getBytes(US_ASCII);
    }
    return out;
  }
}
