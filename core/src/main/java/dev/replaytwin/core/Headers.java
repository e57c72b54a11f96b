package dev.replaytwin.core;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Ordered, multi-valued HTTP headers exactly as they were seen: order, repetition and the case of
 * names are kept. Look-ups by name ignore case.
 *
 * <pre>{@code
 * Headers h = Headers.of("Content-Type", "application/json", "Set-Cookie", "a=1", "Set-Cookie", "b=2");
 * h.first("content-type");   // Optional[application/json]
 * h.all("set-cookie");       // [a=1, b=2]
 * }</pre>
 */
public record Headers(List<Header> entries) {
  public static final Headers EMPTY = new Headers(List.of());

  public Headers {
    entries = List.copyOf(requireNonNull(entries, "entries"));
  }

  /** Headers from alternating names and values. */
  public static Headers of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException(
          "namesAndValues: " + namesAndValues.length + " strings (expected: name, value pairs)");
    }
    List<Header> list = new ArrayList<>(namesAndValues.length / 2);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      list.add(new Header(namesAndValues[i], namesAndValues[i + 1]));
    }
    return new Headers(list);
  }

  /** The first value of the named header, ignoring the name's case. */
  public Optional<String> first(String name) {
    for (Header h : entries) {
      if (h.name().equalsIgnoreCase(name)) {
        return Optional.of(h.value());
      }
    }
    return Optional.empty();
  }

  /** Every value of the named header in the order seen, ignoring the name's case. */
  public List<String> all(String name) {
    List<String> values = new ArrayList<>(2);
    for (Header h : entries) {
      if (h.name().equalsIgnoreCase(name)) {
        values.add(h.value());
      }
    }
    return values;
  }

  public int size() {
    return entries.size();
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }
}
