package dev.replaytwin.compare.report;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.replaytwin.compare.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes and reads {@code verdict.json}, the verdict as every report and any later tool sees it
 * (format in docs/verdict.md): pretty-printed UTF-8 JSON whose fields come in the records' order and
 * whose map entries are sorted by key, so the same verdict is always the same bytes; NaN is written as
 * {@code null}.
 *
 * <pre>{@code
 * VerdictJson.write(verdict, reportDir.resolve("verdict.json"));
 * Verdict v = VerdictJson.read(reportDir.resolve("verdict.json")); // IOException with one clear line if it is not one
 * }</pre>
 */
public final class VerdictJson {
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .addModule(NonFiniteDoubles.module())
      .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      // The records' maps are Map.copyOf, whose order changes from one JVM to the next.
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      // Every field is always written, so a missing one means the file is not a verdict.
      .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
      // A later minor addition to version 1 must not stop this reader.
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();
  private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
      .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
      .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n")));

  private VerdictJson() {}

  /** The verdict as {@code verdict.json} holds it, ending with a newline. */
  public static String toJson(Verdict verdict) {
    try {
      return WRITER.writeValueAsString(verdict) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("verdict could not be written as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Writes {@code file} atomically: readers see the previous file or this one, never a part. */
  public static void write(Verdict verdict, Path file) throws IOException {
    AtomicFiles.write(file, toJson(verdict).getBytes(UTF_8));
  }

  /**
   * Reads a verdict written by {@link #write}.
   *
   * @throws IOException when the file cannot be read, or, with one line naming the file and the
   *     problem, when it is not JSON, not a verdict, or a verdict of another version
   */
  public static Verdict read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    JsonNode root;
    try {
      root = MAPPER.readTree(bytes);
    } catch (JacksonException e) {
      throw new IOException(file + ": not JSON: " + firstLine(e.getOriginalMessage()) + where(e.getLocation()), e);
    }
    if (root == null || !root.isObject()) {
      throw new IOException(file + ": not a verdict (expected a JSON object with \"version\": " + Verdict.VERSION
          + ", found " + (root == null ? "nothing" : root.getNodeType().toString().toLowerCase(Locale.ROOT))
          + ")");
    }
    JsonNode version = root.get("version");
    if (version == null || !version.isInt() || !root.has("decision") || !root.has("checks")) {
      throw new IOException(file + ": not a verdict (no \"version\", \"decision\" and \"checks\" fields)");
    }
    if (version.intValue() != Verdict.VERSION) {
      throw new IOException(file + ": verdict version " + version.intValue() + ", this twin reads version "
          + Verdict.VERSION + " (use the twin that wrote it)");
    }
    try {
      return MAPPER.readValue(bytes, Verdict.class);
    } catch (JsonMappingException e) {
      throw new IOException(file + ": not a valid verdict: " + problem(e) + " at " + jsonPath(e)
          + where(e.getLocation()), e);
    }
  }

  private static String problem(JsonMappingException e) {
    if (e instanceof ValueInstantiationException && e.getCause() != null) {
      Throwable cause = e.getCause();
      return cause instanceof NullPointerException
          ? "a required value is null" + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")")
          : firstLine(cause.getMessage());
    }
    return firstLine(e.getOriginalMessage());
  }

  /** The failing value's place as a JSONPath, e.g. {@code $.checks[3].baseline}. */
  private static String jsonPath(JsonMappingException e) {
    StringBuilder path = new StringBuilder("$");
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append('.').append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String where(JsonLocation location) {
    return location == null || location.getLineNr() < 1
        ? ""
        : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown problem";
    }
    int end = message.indexOf('\n');
    return (end < 0 ? message : message.substring(0, end)).strip();
  }
}
