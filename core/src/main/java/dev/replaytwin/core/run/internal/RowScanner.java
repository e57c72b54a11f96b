package dev.replaytwin.core.run.internal;

import static java.nio.charset.StandardCharsets.US_ASCII;

import dev.replaytwin.core.Header;
import dev.replaytwin.core.Headers;
import dev.replaytwin.core.Nullable;
import dev.replaytwin.core.run.ErrorKind;
import dev.replaytwin.core.run.Outcome;
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
  private static final byte[] FALSE = "false".getBytes(US_ASCII);

  private final RowLexer lex = new RowLexer();
  private final ByteStrings<String> strings = new ByteStrings<>(1024, 128);
  private final ByteStrings<Headers> headerLists = new ByteStrings<>(256, 2048);
  private int[] headerSpans = new int[32];
  private @Nullable Outcome outcome;
  /** The row being read; one for every row, as nothing keeps it. */
  private final RowFields fields = new RowFields();

  /**
   * Reads the row starting at {@code bytes[from]}, up to {@code limit}: the index after its line's
   * {@code \n}, with the row in {@link #outcome()}; or {@link #MORE} or {@link #UNREAD}.
   */
  public int scan(byte[] bytes, int from, int limit) {
    lex.reset(bytes, limit);
    outcome = null;
    try {
      RowFields row = fields;
      row.reset();
      int next = row(from, row);
      outcome = row.toOutcome();
      return next;
    } catch (RowLexer.Stop stop) {
      return stop == RowLexer.NEED_MORE ? MORE : UNREAD;
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

  private int row(int i, RowFields row) {
    if (lex.at(i) != '{') {
      throw RowLexer.DECLINE;
    }
    i++;
    int field = -1;
    while (true) {
      if (lex.at(i) != '"') {
        throw RowLexer.DECLINE;
      }
      field = expectedField(i + 1, field + 1);
      if (field >= 0) {
        i += NAMES[field].length + 2;
      } else {
        int nameTo = plainName(i + 1);
        field = field(i + 1, nameTo, 0);
        i = nameTo + 1;
      }
      if (lex.at(i) != ':') {
        throw RowLexer.DECLINE;
      }
      i = value(i + 1, field, row);
      byte c = lex.at(i++);
      if (c == '}') {
        break;
      }
      if (c != ',') {
        throw RowLexer.DECLINE;
      }
    }
    if (lex.at(i) != '\n') {
      throw RowLexer.DECLINE;
    }
    return i + 1;
  }

  private int value(int i, int field, RowFields row) {
    // One call site per kind of value, so that the JIT compiles each reader once.
    switch (field) {
      case BODY -> {
        i = lex.bodyString(i);
        row.bodyBytes = Arrays.copyOf(lex.scratch, lex.bodyLength);
      }
      case HEADERS -> i = headers(i, row);
      case BODY_TRUNCATED -> {
        if (lex.literal(i, TRUE)) {
          row.bodyTruncated = true;
          i += TRUE.length;
        } else if (lex.literal(i, FALSE)) {
          row.bodyTruncated = false;
          i += FALSE.length;
        } else {
          throw RowLexer.DECLINE;
        }
      }
      case LOOP, INTENDED, SENT, LATENCY, SERVICE, STATUS, SIZE, BODY_LENGTH -> {
        i = lex.integer(i);
        setNumber(field, row, lex.number);
      }
      default -> {
        i = lex.string(i);
        setText(field, row, field == ID || field == DIGEST ? lex.text() : keptText());
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
      default -> throw RowLexer.DECLINE;
    }
  }

  /** The index of the closing quote of a name starting at {@code i}; declines escapes and non-ASCII. */
  private int plainName(int i) {
    int j = lex.plainRun(i);
    if (lex.at(j) != '"') {
      throw RowLexer.DECLINE;
    }
    return j;
  }

  /**
   * The first field from {@code next} on, in the order the encoder writes them, whose name and
   * closing quote follow at {@code bytes[from]}; -1 when none does. Rows leave fields out but never
   * reorder them, so this finds nearly every name.
   */
  private int expectedField(int from, int next) {
    for (int f = next; f < NAMES.length; f++) {
      byte[] name = NAMES[f];
      if (from + name.length < lex.end && lex.b[from + name.length] == '"' && lex.sameBytes(name, from)) {
        return f;
      }
    }
    return -1;
  }

  /** The field named {@code bytes[from, to)}, trying {@code guess} first; declines names it does not know. */
  private int field(int from, int to, int guess) {
    int length = to - from;
    for (int k = 0; k < NAMES.length; k++) {
      int f = guess + k < NAMES.length ? guess + k : guess + k - NAMES.length;
      byte[] name = NAMES[f];
      if (name.length == length && lex.sameBytes(name, from)) {
        return f;
      }
    }
    throw RowLexer.DECLINE;
  }

  /** Like {@link RowLexer#text()}, shared with earlier rows that had the same bytes. */
  private String keptText() {
    if (lex.textEscapes > 0 || !strings.keeps(lex.textTo - lex.textFrom)) {
      return lex.text();
    }
    int hash = ByteStrings.hash(lex.b, lex.textFrom, lex.textTo);
    String kept = strings.get(lex.b, lex.textFrom, lex.textTo, hash);
    if (kept == null) {
      kept = lex.text();
      strings.put(lex.b, lex.textFrom, lex.textTo, hash, kept);
    }
    return kept;
  }

  /** Reads {@code [[name, value], ...]}, shared with earlier rows that had the same bytes. */
  private int headers(int i, RowFields row) {
    if (lex.at(i) != '[') {
      throw RowLexer.DECLINE;
    }
    int from = i;
    int spans = 0;
    i++;
    if (lex.at(i) == ']') {
      i++;
    } else {
      while (true) {
        if (lex.at(i) != '[') {
          throw RowLexer.DECLINE;
        }
        i = lex.string(i + 1);
        if (lex.textEscapes > 0 || lex.at(i) != ',') {
          throw RowLexer.DECLINE;
        }
        int nameFrom = lex.textFrom;
        int nameTo = lex.textTo;
        i = lex.string(i + 1);
        if (lex.textEscapes > 0 || lex.at(i) != ']') {
          throw RowLexer.DECLINE;
        }
        if (spans + 4 > headerSpans.length) {
          headerSpans = Arrays.copyOf(headerSpans, headerSpans.length * 2);
        }
        headerSpans[spans++] = nameFrom;
        headerSpans[spans++] = nameTo;
        headerSpans[spans++] = lex.textFrom;
        headerSpans[spans++] = lex.textTo;
        byte c = lex.at(i + 1);
        i += 2;
        if (c == ']') {
          break;
        }
        if (c != ',') {
          throw RowLexer.DECLINE;
        }
      }
    }
    boolean keep = headerLists.keeps(i - from);
    int hash = keep ? ByteStrings.hash(lex.b, from, i) : 0;
    Headers kept = keep ? headerLists.get(lex.b, from, i, hash) : null;
    if (kept == null) {
      List<Header> entries = new ArrayList<>(spans / 4);
      for (int k = 0; k < spans; k += 4) {
        lex.textFrom = headerSpans[k];
        lex.textTo = headerSpans[k + 1];
        lex.textBeyondAscii = lex.beyondAscii(lex.textFrom, lex.textTo);
        String name = keptText();
        lex.textFrom = headerSpans[k + 2];
        lex.textTo = headerSpans[k + 3];
        lex.textBeyondAscii = lex.beyondAscii(lex.textFrom, lex.textTo);
        entries.add(new Header(name, keptText()));
      }
      kept = new Headers(entries);
      if (keep) {
        headerLists.put(lex.b, from, i, hash, kept);
      }
    }
    row.headers = kept;
    return i;
  }

  private static byte[][] names(String... names) {
    byte[][] out = new byte[names.length][];
    for (int i = 0; i < names.length; i++) {
      out[i] = names[i].getBytes(US_ASCII);
    }
    return out;
  }
}
