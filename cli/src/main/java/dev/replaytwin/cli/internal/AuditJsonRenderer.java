package dev.replaytwin.cli.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.replaytwin.core.capture.CaptureHeader;
import dev.replaytwin.core.scrub.PiiFinding;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code twin capture audit --json}: one JSON object with the counts, the findings per rule and the
 * findings shown (at most {@code --limit}).
 */
public final class AuditJsonRenderer {
  private static final JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  private final PrintWriter out;

  public AuditJsonRenderer(PrintWriter out) {
    this.out = out;
  }

  /** Writes the report and a line break. */
  public void render(Path capture, CaptureHeader header, AuditTally tally) throws IOException {
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeStringField("capture", capture.toString());
      json.writeStringField("scrubPolicyDigest", header.scrubPolicyDigest());
      json.writeNumberField("exchanges", tally.exchanges());
      json.writeNumberField("exchangesWithFindings", tally.exchangesWithFindings());
      json.writeNumberField("findings", tally.findings());
      json.writeObjectFieldStart("byRule");
      for (Map.Entry<String, Long> r : tally.byRule().entrySet()) {
        json.writeNumberField(r.getKey(), r.getValue());
      }
      json.writeEndObject();
      json.writeArrayFieldStart("shown");
      for (PiiFinding f : tally.shown()) {
        json.writeStartObject();
        json.writeStringField("exchangeId", f.exchangeId());
        json.writeStringField("rule", f.rule());
        json.writeStringField("location", f.location());
        json.writeStringField("maskedExcerpt", f.maskedExcerpt());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    out.println();
    out.flush();
  }
}
