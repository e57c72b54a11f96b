package dev.replaytwin.core.scrub.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A text split at a delimiter ({@code &} between query parameters, {@code ;} between cookies)
 * whose parts can be replaced or removed; joined again only when something changed, so untouched
 * text keeps its exact form.
 */
final class DelimitedText {
  private final String original;
  private final char delimiter;
  private final List<String> parts = new ArrayList<>(8);
  private boolean changed;

  DelimitedText(String text, char delimiter) {
    this.original = text;
    this.delimiter = delimiter;
    int start = 0;
    for (int end = text.indexOf(delimiter); end >= 0; end = text.indexOf(delimiter, start)) {
      parts.add(text.substring(start, end));
      start = end + 1;
    }
    parts.add(text.substring(start));
  }

  int size() {
    return parts.size();
  }

  String part(int i) {
    return parts.get(i);
  }

  /** Replaces part {@code i}; {@code null} removes it. The same instance changes nothing. */
  void replace(int i, String value) {
    if (value != parts.get(i)) {
      parts.set(i, value);
      changed = true;
    }
  }

  /** The text joined again, the original instance when nothing changed, {@code ""} when all parts were removed. */
  String result() {
    if (!changed) {
      return original;
    }
    StringBuilder out = new StringBuilder(original.length() + 16);
    for (String part : parts) {
      if (part != null) {
        if (out.length() > 0) {
          out.append(delimiter);
        }
        out.append(part);
      }
    }
    return out.toString();
  }
}
