package dev.replaytwin.core;

import static java.util.Objects.requireNonNull;

/** One header line, name as it was sent (case preserved) and its value. */
public record Header(String name, String value) {
  public Header {
    requireNonNull(name, "name");
    requireNonNull(value, "value");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("name: \"\" (expected: a header name)");
    }
  }
}
