package dev.replaytwin.cli.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.replaytwin.core.Body;
import dev.replaytwin.core.ContextTags;
import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.Header;
import dev.replaytwin.core.Headers;
import dev.replaytwin.core.HttpRequest;
import dev.replaytwin.core.HttpResponse;
import dev.replaytwin.core.Timings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One JSON object per line (JSON Lines) holding every field of an exchange:
 *
 * <pre>{@code
 * {"id":"ex-1","captureTime":"2026-11-21T10:00:00.250Z","captureTimeNanos":1795255200250000000,
 *  "direction":"INBOUND","dependency":"","connectionId":"c1",
 *  "request":{"method":"GET","target":"/users/42","httpVersion":"HTTP/1.1","headers":[["Host","shop"]],
 *             "body":"","truncated":false,"originalLength":0},
 *  "response":{"status":200,"headers":[...],"bodyBase64":"iVBORw0K...","truncated":false,"originalLength":4096},
 *  "timings":{"requestStartNanos":...,"upstreamFirstByteNanos":...,"responseEndNanos":null,"totalNanos":null},
 *  "context":{"service":"shop",...,"extra":{}},"scrubRulesFired":[]}
 * }</pre>
 *
 * A body is {@code body} (text) when its bytes are valid UTF-8, else {@code bodyBase64}. Headers are
 * {@code [name, value]} pairs in the order seen. Times not recorded are {@code null}.
 */
final class ExchangeJsonPrinter implements ExchangePrinter {
  private static final JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  private final JsonGenerator json;
  private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);

  ExchangeJsonPrinter(PrintWriter out) throws IOException {
    this.json = JSON.createGenerator(out);
    // Each object ends its own line below; no separator between root values.
    json.setRootValueSeparator(null);
  }

  @Override
  public void print(Exchange e) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", e.id());
    json.writeStringField("captureTime", HumanFormat.instant(e.captureTimeNanos()).toString());
    json.writeNumberField("captureTimeNanos", e.captureTimeNanos());
    json.writeStringField("direction", e.direction().name());
    json.writeStringField("dependency", e.dependency());
    json.writeStringField("connectionId", e.connectionId());
    json.writeFieldName("request");
    writeRequest(e.request());
    json.writeFieldName("response");
    writeResponse(e.response());
    json.writeFieldName("timings");
    writeTimings(e.timings());
    json.writeFieldName("context");
    writeContext(e.context());
    json.writeArrayFieldStart("scrubRulesFired");
    for (String rule : e.scrubRulesFired()) {
      json.writeString(rule);
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeRaw('\n');
  }

  @Override
  public void flush() throws IOException {
    json.flush();
  }

  private void writeRequest(HttpRequest request) throws IOException {
    json.writeStartObject();
    json.writeStringField("method", request.method());
    json.writeStringField("target", request.target());
    json.writeStringField("httpVersion", request.httpVersion());
    writeHeaders(request.headers());
    writeBody(request.body());
    json.writeEndObject();
  }

  private void writeResponse(HttpResponse response) throws IOException {
    if (response == null) {
      json.writeNull();
      return;
    }
    json.writeStartObject();
    json.writeNumberField("status", response.status());
    writeHeaders(response.headers());
    writeBody(response.body());
    json.writeEndObject();
  }

  private void writeHeaders(Headers headers) throws IOException {
    json.writeArrayFieldStart("headers");
    for (Header h : headers.entries()) {
      json.writeStartArray();
      json.writeString(h.name());
      json.writeString(h.value());
      json.writeEndArray();
    }
    json.writeEndArray();
  }

  private void writeBody(Body body) throws IOException {
    String text = utf8Text(body);
    if (text != null) {
      json.writeStringField("body", text);
    } else {
      json.writeFieldName("bodyBase64");
      json.writeBinary(body.toByteArray());
    }
    json.writeBooleanField("truncated", body.isTruncated());
    json.writeNumberField("originalLength", body.originalLength());
  }

  /** The body as text when its bytes are valid UTF-8, else {@code null}. */
  private String utf8Text(Body body) {
    try {
      return utf8.reset().decode(body.asReadOnlyBuffer()).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private void writeTimings(Timings t) throws IOException {
    json.writeStartObject();
    writeNanos("requestStartNanos", t.requestStartNanos());
    writeNanos("upstreamFirstByteNanos", t.upstreamFirstByteNanos());
    writeNanos("responseEndNanos", t.responseEndNanos());
    writeNanos("totalNanos", t.totalNanos());
    json.writeEndObject();
  }

  private void writeNanos(String name, long nanos) throws IOException {
    if (nanos == Timings.NOT_RECORDED) {
      json.writeNullField(name);
    } else {
      json.writeNumberField(name, nanos);
    }
  }

  private void writeContext(ContextTags c) throws IOException {
    json.writeStartObject();
    json.writeStringField("service", c.service());
    json.writeStringField("environment", c.environment());
    json.writeStringField("region", c.region());
    json.writeStringField("releaseVersion", c.releaseVersion());
    json.writeObjectFieldStart("extra");
    for (Map.Entry<String, String> tag : c.extra().entrySet()) {
      json.writeStringField(tag.getKey(), tag.getValue());
    }
    json.writeEndObject();
    json.writeEndObject();
  }
}
