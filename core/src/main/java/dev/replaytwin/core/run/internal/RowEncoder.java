package dev.replaytwin.core.run.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.replaytwin.core.Body;
import dev.replaytwin.core.Header;
import dev.replaytwin.core.Headers;
import dev.replaytwin.core.Utf8;
import dev.replaytwin.core.run.ErrorKind;
import dev.replaytwin.core.run.Outcome;
import java.io.IOException;

/**
 * Writes outcomes as JSON rows, leaving out fields that hold their "none" value ({@code -1},
 * {@code 0}, {@code ""}, {@link ErrorKind#NONE}, an empty body). A body is written as text when its
 * bytes are well-formed UTF-8, so that they read back exactly, and as base64 otherwise.
 */
public final class RowEncoder {
  private static final SerializableString ID = name(OutcomeFormat.ID);
  private static final SerializableString LOOP = name(OutcomeFormat.LOOP);
  private static final SerializableString ENDPOINT = name(OutcomeFormat.ENDPOINT);
  private static final SerializableString METHOD = name(OutcomeFormat.METHOD);
  private static final SerializableString INTENDED = name(OutcomeFormat.INTENDED);
  private static final SerializableString SENT = name(OutcomeFormat.SENT);
  private static final SerializableString LATENCY = name(OutcomeFormat.LATENCY);
  private static final SerializableString SERVICE = name(OutcomeFormat.SERVICE);
  private static final SerializableString STATUS = name(OutcomeFormat.STATUS);
  private static final SerializableString ERROR = name(OutcomeFormat.ERROR);
  private static final SerializableString DETAIL = name(OutcomeFormat.DETAIL);
  private static final SerializableString SIZE = name(OutcomeFormat.SIZE);
  private static final SerializableString DIGEST = name(OutcomeFormat.DIGEST);
  private static final SerializableString CONTENT_TYPE = name(OutcomeFormat.CONTENT_TYPE);
  private static final SerializableString BODY = name(OutcomeFormat.BODY);
  private static final SerializableString BODY_ENCODING = name(OutcomeFormat.BODY_ENCODING);
  private static final SerializableString BODY_TRUNCATED = name(OutcomeFormat.BODY_TRUNCATED);
  private static final SerializableString BODY_LENGTH = name(OutcomeFormat.BODY_LENGTH);
  private static final SerializableString HEADERS = name(OutcomeFormat.HEADERS);

  private RowEncoder() {}

  /** Writes the file's header object; the caller ends the line. */
  public static void writeHeader(JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField(OutcomeFormat.HEADER_FORMAT, OutcomeFormat.FORMAT);
    g.writeNumberField(OutcomeFormat.HEADER_VERSION, OutcomeFormat.VERSION);
    g.writeEndObject();
  }

  /** Writes one row object; the caller ends the line. */
  public static void write(JsonGenerator g, Outcome o) throws IOException {
    g.writeStartObject();
    g.writeFieldName(ID);
    g.writeString(o.exchangeId());
    g.writeFieldName(LOOP);
    g.writeNumber(o.loop());
    g.writeFieldName(ENDPOINT);
    g.writeString(o.endpoint());
    g.writeFieldName(METHOD);
    g.writeString(o.method());
    g.writeFieldName(INTENDED);
    g.writeNumber(o.intendedEpochNanos());
    writeUnlessNone(g, SENT, o.sentEpochNanos());
    writeUnlessNone(g, LATENCY, o.latencyNanos());
    writeUnlessNone(g, SERVICE, o.serviceNanos());
    if (o.status() != 0) {
      g.writeFieldName(STATUS);
      g.writeNumber(o.status());
    }
    if (o.error() != ErrorKind.NONE) {
      g.writeFieldName(ERROR);
      g.writeString(o.error().label());
    }
    writeUnlessEmpty(g, DETAIL, o.errorDetail());
    writeUnlessNone(g, SIZE, o.responseSize());
    writeUnlessEmpty(g, DIGEST, o.bodyDigest());
    writeUnlessEmpty(g, CONTENT_TYPE, o.contentType());
    writeBody(g, o.body());
    writeHeaders(g, o.headers());
    g.writeEndObject();
  }

  private static void writeHeaders(JsonGenerator g, Headers headers) throws IOException {
    if (headers.isEmpty()) {
      return;
    }
    g.writeFieldName(HEADERS);
    g.writeStartArray();
    for (Header h : headers.entries()) {
      g.writeStartArray();
      g.writeString(h.name());
      g.writeString(h.value());
      g.writeEndArray();
    }
    g.writeEndArray();
  }

  private static void writeBody(JsonGenerator g, Body body) throws IOException {
    if (body.isEmpty() && !body.isTruncated()) {
      return;
    }
    byte[] bytes = body.toByteArray();
    boolean text = Utf8.isValid(bytes);
    g.writeFieldName(BODY_ENCODING);
    g.writeString(text ? OutcomeFormat.UTF8 : OutcomeFormat.BASE64);
    g.writeFieldName(BODY);
    if (text) {
      g.writeUTF8String(bytes, 0, bytes.length);
    } else {
      g.writeBinary(bytes);
    }
    if (body.isTruncated()) {
      g.writeFieldName(BODY_TRUNCATED);
      g.writeBoolean(true);
      g.writeFieldName(BODY_LENGTH);
      g.writeNumber(body.originalLength());
    }
  }

  private static void writeUnlessNone(JsonGenerator g, SerializableString name, long value) throws IOException {
    if (value != -1) {
      g.writeFieldName(name);
      g.writeNumber(value);
    }
  }

  private static void writeUnlessEmpty(JsonGenerator g, SerializableString name, String value) throws IOException {
    if (!value.isEmpty()) {
      g.writeFieldName(name);
      g.writeString(value);
    }
  }

  private static SerializableString name(String name) {
    return new SerializedString(name);
  }
}
