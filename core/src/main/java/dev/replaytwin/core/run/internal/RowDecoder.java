package dev.replaytwin.core.run.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.replaytwin.core.Header;
import dev.replaytwin.core.Headers;
import dev.replaytwin.core.Nullable;
import dev.replaytwin.core.run.ErrorKind;
import dev.replaytwin.core.run.Outcome;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the objects {@link RowEncoder} writes. Fields it does not know are skipped, so that later
 * writers can add some; a missing field that has a "none" value takes it.
 */
public final class RowDecoder {
  private RowDecoder() {}

  /**
   * The format version the header object names; the parser is on its {@code START_OBJECT}.
   *
   * @throws IllegalArgumentException when the object is not an outcomes header
   */
  public static long readHeaderVersion(JsonParser p) throws IOException {
    @Nullable String format = null;
    @Nullable Long version = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      switch (name) {
        case OutcomeFormat.HEADER_FORMAT -> format = value == JsonToken.VALUE_STRING ? p.getText() : null;
        case OutcomeFormat.HEADER_VERSION -> version = value == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : null;
        default -> p.skipChildren();
      }
    }
    if (!OutcomeFormat.FORMAT.equals(format) || version == null) {
      throw new IllegalArgumentException("its first line is not an outcomes header");
    }
    return version;
  }

  /**
   * The outcome in the row object the parser is on (its {@code START_OBJECT}); leaves the parser on
   * its {@code END_OBJECT}.
   *
   * @throws IllegalArgumentException when a field has the wrong type or value, or a required one
   *     is missing
   */
  public static Outcome read(JsonParser p) throws IOException {
    RowFields row = new RowFields();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case OutcomeFormat.ID -> row.id = string(p, name);
        case OutcomeFormat.LOOP -> {
          row.loop = integer(p, name);
          row.hasLoop = true;
        }
        case OutcomeFormat.ENDPOINT -> row.endpoint = string(p, name);
        case OutcomeFormat.METHOD -> row.method = string(p, name);
        case OutcomeFormat.INTENDED -> {
          row.intended = integer(p, name);
          row.hasIntended = true;
        }
        case OutcomeFormat.SENT -> row.sent = integer(p, name);
        case OutcomeFormat.LATENCY -> row.latency = integer(p, name);
        case OutcomeFormat.SERVICE -> row.service = integer(p, name);
        case OutcomeFormat.STATUS -> row.status = integer(p, name);
        case OutcomeFormat.ERROR -> row.error = ErrorKind.ofLabel(string(p, name));
        case OutcomeFormat.DETAIL -> row.detail = string(p, name);
        case OutcomeFormat.SIZE -> row.size = integer(p, name);
        case OutcomeFormat.DIGEST -> row.digest = string(p, name);
        case OutcomeFormat.CONTENT_TYPE -> row.contentType = string(p, name);
        case OutcomeFormat.BODY -> row.bodyText = string(p, name);
        case OutcomeFormat.BODY_ENCODING -> row.bodyEncoding = string(p, name);
        case OutcomeFormat.BODY_TRUNCATED -> row.bodyTruncated = bool(p, name);
        case OutcomeFormat.BODY_LENGTH -> row.bodyLength = integer(p, name);
        case OutcomeFormat.HEADERS -> row.headers = headers(p);
        default -> p.skipChildren();
      }
    }
    return row.toOutcome();
  }

  private static Headers headers(JsonParser p) throws IOException {
    check(p, OutcomeFormat.HEADERS, p.currentToken() == JsonToken.START_ARRAY, "an array of [name, value] pairs");
    List<Header> entries = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      check(p, OutcomeFormat.HEADERS, p.currentToken() == JsonToken.START_ARRAY, "an array of [name, value] pairs");
      p.nextToken();
      String name = string(p, OutcomeFormat.HEADERS);
      p.nextToken();
      String value = string(p, OutcomeFormat.HEADERS);
      check(p, OutcomeFormat.HEADERS, p.nextToken() == JsonToken.END_ARRAY, "an array of [name, value] pairs");
      entries.add(new Header(name, value));
    }
    return new Headers(entries);
  }

  private static String string(JsonParser p, String name) throws IOException {
    return check(p, name, p.currentToken() == JsonToken.VALUE_STRING, "a string").getText();
  }

  private static long integer(JsonParser p, String name) throws IOException {
    return check(p, name, p.currentToken() == JsonToken.VALUE_NUMBER_INT, "an integer").getLongValue();
  }

  private static boolean bool(JsonParser p, String name) throws IOException {
    return check(p, name, p.currentToken().isBoolean(), "true or false").getBooleanValue();
  }

  private static JsonParser check(JsonParser p, String name, boolean ok, String expected) throws IOException {
    if (!ok) {
      String found = p.currentToken().isScalarValue() ? p.getText() : p.currentToken().asString();
      throw new IllegalArgumentException(name + ": " + found + " (expected: " + expected + ")");
    }
    return p;
  }
}
