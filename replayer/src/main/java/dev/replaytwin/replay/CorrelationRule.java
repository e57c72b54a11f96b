package dev.replaytwin.replay;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replaytwin.core.Nullable;
import java.io.IOException;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value a response hands to later requests of its session, such as a login token. The rule names
 * where the value is in a response; the replayer reads it from the captured response and from each
 * target's live response, and wherever the captured value appears in later requests of the same
 * session (path, query, headers, body) it puts that target's live value instead.
 *
 * <p>Values shorter than {@value #MIN_VALUE_LENGTH} characters are ignored: replacing "1" or "ok"
 * everywhere would change requests at random.
 *
 * @param source a JSON body or a response header
 * @param path the JSON pointer ({@code /data/token}) or the header name
 */
public record CorrelationRule(Source source, String path) {
  public static final int MIN_VALUE_LENGTH = 4;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern JSON_PATH = Pattern.compile("\\$((?:\\.[A-Za-z0-9_-]+|\\[\\d+])+)");
  private static final Pattern STEP = Pattern.compile("\\.([A-Za-z0-9_-]+)|\\[(\\d+)]");

  /** Where a correlated value is found. */
  public enum Source { JSON, HEADER }

  public CorrelationRule {
    requireNonNull(source, "source");
    requireNonNull(path, "path");
    if (source == Source.JSON) {
      JsonPointer.compile(path);
    }
  }

  /**
   * Parses {@code json:$.a.b[0]} (a simple JSON path), {@code json:/a/b/0} (a JSON pointer) or
   * {@code header:NAME}.
   *
   * @throws IllegalArgumentException naming the expected forms
   */
  public static CorrelationRule parse(String text) {
    int colon = text.indexOf(':');
    String kind = colon < 0 ? "" : text.substring(0, colon).toLowerCase(Locale.ROOT);
    String where = colon < 0 ? "" : text.substring(colon + 1).trim();
    if (kind.equals("header") && !where.isEmpty()) {
      return new CorrelationRule(Source.HEADER, where);
    }
    if (kind.equals("json") && where.startsWith("/")) {
      return new CorrelationRule(Source.JSON, where);
    }
    if (kind.equals("json")) {
      Matcher m = JSON_PATH.matcher(where);
      if (m.matches()) {
        StringBuilder pointer = new StringBuilder();
        Matcher step = STEP.matcher(m.group(1));
        while (step.find()) {
          pointer.append('/').append(step.group(1) != null ? step.group(1) : step.group(2));
        }
        return new CorrelationRule(Source.JSON, pointer.toString());
      }
    }
    throw new IllegalArgumentException("correlate: \"" + text
        + "\" (expected: json:$.path.to[0].value, json:/json/pointer or header:NAME, e.g. json:$.token)");
  }

  /**
   * The rule's value in a response, or null when it has none worth substituting.
   *
   * @param header a response header's first value by name, or null
   * @param body the response body (possibly cut at the body cap)
   */
  public @Nullable String extract(Function<String, String> header, byte[] body) {
    String value = source == Source.HEADER ? header.apply(path) : fromJson(body);
    return value == null || value.length() < MIN_VALUE_LENGTH ? null : value;
  }

  private @Nullable String fromJson(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(body).at(path);
      return node.isValueNode() && !node.isNull() ? node.asText() : null;
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return source.name().toLowerCase(Locale.ROOT) + ":" + path;
  }
}
