package dev.replaytwin.scenario.demo;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough JSON for the demo: writing strings safely, reading a flat field or two. */
final class Json {
  private Json() {}

  static String str(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** A top-level number field, or {@code fallback}. */
  static long number(String json, String field, long fallback) {
    Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*(-?\\d+)").matcher(json);
    return m.find() ? Long.parseLong(m.group(1)) : fallback;
  }

  /** A top-level string field without escapes, or {@code fallback}. */
  static String text(String json, String field, String fallback) {
    Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*\"([^\"\\\\]*)\"").matcher(json);
    return m.find() ? m.group(1) : fallback;
  }
}
