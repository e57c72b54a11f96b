package dev.replaytwin.cli.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.replaytwin.core.ContextTags;
import dev.replaytwin.core.capture.CaptureHeader;
import dev.replaytwin.core.capture.CaptureProblem;
import dev.replaytwin.core.capture.Codec;
import dev.replaytwin.core.capture.ReadTotals;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code twin capture stats --json}: the report as one JSON object, the same figures as the text.
 * Times are ISO-8601 instants, durations nanoseconds, sizes bytes.
 */
public final class StatsJsonRenderer {
  private static final JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  private final PrintWriter out;

  public StatsJsonRenderer(PrintWriter out) {
    this.out = out;
  }

  /** Writes the report, with the {@code top} busiest endpoints, and a line break. */
  public void render(CaptureStats stats, int top) throws IOException {
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeStringField("capture", stats.capture().toString());
      json.writeArrayFieldStart("files");
      for (Path file : stats.files()) {
        json.writeString(file.toString());
      }
      json.writeEndArray();
      writeHeader(json, stats.header());
      writeFigures(json, stats.tally());
      writeEndpoints(json, stats.tally().endpoints(), top);
      writeBytes(json, stats);
      writeProblems(json, stats);
      json.writeEndObject();
    }
    out.println();
    out.flush();
  }

  private static void writeHeader(JsonGenerator json, CaptureHeader h) throws IOException {
    json.writeObjectFieldStart("header");
    json.writeNumberField("formatVersion", h.formatVersion());
    json.writeStringField("created", h.createdAt().toString());
    json.writeStringField("writer", h.writer());
    json.writeStringField("captureId", h.captureId());
    json.writeStringField("scrubPolicyDigest", h.scrubPolicyDigest());
    ContextTags c = h.context();
    json.writeObjectFieldStart("context");
    json.writeStringField("service", c.service());
    json.writeStringField("environment", c.environment());
    json.writeStringField("region", c.region());
    json.writeStringField("releaseVersion", c.releaseVersion());
    writeStrings(json, "extra", c.extra());
    json.writeEndObject();
    writeStrings(json, "otherFields", h.otherFields());
    json.writeEndObject();
  }

  private static void writeFigures(JsonGenerator json, CaptureTally t) throws IOException {
    json.writeNumberField("records", t.records());
    json.writeNumberField("inbound", t.inbound());
    json.writeObjectFieldStart("outbound");
    for (Map.Entry<String, Long> d : t.outboundByDependency().entrySet()) {
      json.writeNumberField(d.getKey(), d.getValue());
    }
    json.writeEndObject();
    if (t.records() == 0) {
      json.writeNullField("firstCaptureTime");
      json.writeNullField("lastCaptureTime");
    } else {
      json.writeStringField("firstCaptureTime", HumanFormat.instant(t.firstNanos()).toString());
      json.writeStringField("lastCaptureTime", HumanFormat.instant(t.lastNanos()).toString());
    }
    json.writeNumberField("spanNanos", t.spanNanos());
    json.writeNumberField("meanRatePerSecond", t.meanRate());
    PeakRate.Peak peak = t.peakRate().peak();
    json.writeObjectFieldStart("peakRate");
    json.writeNumberField("perSecond", peak.count());
    if (peak.count() == 0) {
      json.writeNullField("second");
    } else {
      json.writeStringField("second", HumanFormat.instant(peak.epochSecond() * 1_000_000_000L).toString());
    }
    json.writeNumberField("leftOutOfOrder", t.peakRate().outsideWindow());
    json.writeEndObject();
    json.writeFieldName("statuses");
    writeStatuses(json, t.statuses());
  }

  private static void writeEndpoints(JsonGenerator json, EndpointTally endpoints, int top) throws IOException {
    json.writeObjectFieldStart("endpoints");
    json.writeNumberField("distinct", endpoints.distinct());
    json.writeNumberField("overflowed", endpoints.overflowed());
    json.writeArrayFieldStart("top");
    for (EndpointTally.Endpoint e : endpoints.top(top)) {
      json.writeStartObject();
      json.writeStringField("name", e.name());
      json.writeNumberField("count", e.count());
      json.writeFieldName("statuses");
      writeStatuses(json, e.statuses());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void writeStatuses(JsonGenerator json, StatusMix s) throws IOException {
    json.writeStartObject();
    json.writeNumberField("1xx", s.informational());
    json.writeNumberField("2xx", s.success());
    json.writeNumberField("3xx", s.redirect());
    json.writeNumberField("4xx", s.clientError());
    json.writeNumberField("5xx", s.serverError());
    json.writeNumberField("other", s.other());
    json.writeNumberField("noResponse", s.noResponse());
    json.writeEndObject();
  }

  private static void writeBytes(JsonGenerator json, CaptureStats stats) throws IOException {
    ReadTotals totals = stats.totals();
    json.writeObjectFieldStart("bytes");
    json.writeNumberField("raw", totals.rawBytes());
    json.writeNumberField("compressed", totals.compressedBytes());
    json.writeNumberField("file", totals.fileBytes());
    json.writeNumberField("compressionRatio", stats.compressionRatio());
    json.writeEndObject();
    json.writeObjectFieldStart("blocks");
    json.writeNumberField("read", totals.blocksRead());
    json.writeNumberField("corrupt", totals.blocksCorrupt());
    json.writeArrayFieldStart("codecs");
    for (Codec codec : new TreeSet<>(totals.codecs())) {
      json.writeString(codec.displayName());
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void writeProblems(JsonGenerator json, CaptureStats stats) throws IOException {
    json.writeArrayFieldStart("problems");
    for (CaptureProblem p : stats.problems()) {
      json.writeStartObject();
      json.writeStringField("kind", p.getClass().getSimpleName());
      json.writeStringField("file", p.file().toString());
      json.writeStringField("description", p.describe());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void writeStrings(JsonGenerator json, String name, Map<String, String> fields) throws IOException {
    json.writeObjectFieldStart(name);
    for (Map.Entry<String, String> f : fields.entrySet()) {
      json.writeStringField(f.getKey(), f.getValue());
    }
    json.writeEndObject();
  }
}
