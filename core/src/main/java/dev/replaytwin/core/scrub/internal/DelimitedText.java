package dev.replaytwin.core.scrub.internal;

import java.util.StringJoiner;

/**
 * A text split at a delimiter ({@code &} between query parameters, {@code ;} between cookies)
 * whose parts can be replaced or removed; joined again only when something changed, so untouched
 * text keeps its exact form.
 */
final class DelimitedText {
  private final String original;
  private final String delimiter;
  private final String[] parts;
  private boolean changed;

  DelimitedText(String text, char delimiter) {
    this.original = text;
    this.delimiter = String.valueOf(delimiter);
    this.parts = text.split(java.util.regex.Pattern.quote(this.delimiter), -1);
  }

  int size() {
    return parts.length;
  }

  String part(int i) {
    return parts[i];
  }

  /** Replaces part {@code i}; {@code null} removes it. The same instance changes nothing. */
  void replace(int i, String value) {
    if (value != parts[i]) {
      parts[i] = value;
      changed = true;
    }
  }

  /** The text joined again, the original instance when nothing changed, {@code ""} when all parts were removed. */
  String result() {
    if (!changed) {
      return original;
    }
    StringJoiner out = new StringJoiner(delimiter);
    for (String part : parts) {
      if (part != null) {
        out.add(part);
      }
    }
    return out.toString();
  }
}
