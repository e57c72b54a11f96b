package dev.replaytwin.core;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a capture comes from. Empty strings mean "not known"; {@code extra} holds free-form
 * key/values, kept sorted by key so equal tags encode to equal bytes.
 */
public record ContextTags(
    String service, String environment, String region, String releaseVersion, Map<String, String> extra) {
  public static final ContextTags EMPTY = new ContextTags("", "", "", "", Map.of());

  public ContextTags {
    requireNonNull(service, "service");
    requireNonNull(environment, "environment");
    requireNonNull(region, "region");
    requireNonNull(releaseVersion, "releaseVersion");
    requireNonNull(extra, "extra");
    extra = extra.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(extra));
    for (Map.Entry<String, String> e : extra.entrySet()) {
      requireNonNull(e.getValue(), "extra." + e.getKey());
      if (e.getKey().isEmpty()) {
        throw new IllegalArgumentException("extra: empty key (expected: a tag name)");
      }
    }
  }

  public boolean isEmpty() {
    return service.isEmpty() && environment.isEmpty() && region.isEmpty() && releaseVersion.isEmpty()
        && extra.isEmpty();
  }
}
