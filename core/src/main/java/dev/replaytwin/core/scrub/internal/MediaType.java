package dev.replaytwin.core.scrub.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The parts of a {@code Content-Type} that decide how a body is read: type, subtype, charset.
 *
 * @param charset lower-case, {@code ""} when not given
 */
public record MediaType(String type, String subtype, String charset) {
  /** Charsets in which ASCII text is its own bytes, so detectors can read the bytes as Latin-1. */
  private static final Set<String> ASCII_COMPATIBLE = Set.of("", "utf-8", "utf8", "us-ascii", "ascii",
      "iso-8859-1", "latin1", "iso-8859-15", "windows-1252", "cp1252");
  private static final Set<String> TEXT_SUBTYPE_WORDS = Set.of("json", "xml", "javascript", "ecmascript",
      "graphql", "yaml", "x-yaml", "csv", "x-www-form-urlencoded", "html", "jwt", "x-ndjson", "sql");

  private static final int MEMO_LIMIT = 1024;
  /** Traffic repeats a handful of Content-Type values; parsing each once saves work on every body. */
  private static final ConcurrentHashMap<String, Optional<MediaType>> MEMO = new ConcurrentHashMap<>();

  /** The media type of a Content-Type value; {@code null} when it has no {@code type/subtype}. */
  public static MediaType parse(String value) {
    Optional<MediaType> known = MEMO.get(value);
    if (known != null) {
      return known.orElse(null);
    }
    MediaType parsed = parseNew(value);
    if (MEMO.size() < MEMO_LIMIT) {
      MEMO.put(value, Optional.ofNullable(parsed));
    }
    return parsed;
  }

  private static MediaType parseNew(String value) {
    int semicolon = value.indexOf(';');
    String essence = (semicolon < 0 ? value : value.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    int slash = essence.indexOf('/');
    if (slash <= 0 || slash == essence.length() - 1) {
      return null;
    }
    String charset = "";
    if (semicolon >= 0) {
      for (String param : value.substring(semicolon + 1).split(";")) {
        int eq = param.indexOf('=');
        if (eq > 0 && param.substring(0, eq).strip().equalsIgnoreCase("charset")) {
          charset = param.substring(eq + 1).strip().replace("\"", "").toLowerCase(Locale.ROOT);
        }
      }
    }
    return new MediaType(essence.substring(0, slash), essence.substring(slash + 1), charset);
  }

  public boolean isJson() {
    return subtype.equals("json") || subtype.endsWith("+json") || subtype.contains("json");
  }

  public boolean isForm() {
    return type.equals("application") && subtype.equals("x-www-form-urlencoded");
  }

  /** Text that detectors can scan: {@code text/*}, JSON, XML, JavaScript, forms and the like. */
  public boolean isText() {
    if (!ASCII_COMPATIBLE.contains(charset)) {
      return false;
    }
    if (type.equals("text") || isJson()) {
      return true;
    }
    int plus = subtype.lastIndexOf('+');
    return TEXT_SUBTYPE_WORDS.contains(subtype) || (plus >= 0 && TEXT_SUBTYPE_WORDS.contains(subtype.substring(plus + 1)));
  }
}
