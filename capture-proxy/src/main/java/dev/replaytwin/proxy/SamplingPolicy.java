package dev.replaytwin.proxy;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.core.Nullable;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which requests the proxy captures (and mirrors). Every request is proxied whatever this says.
 *
 * @param fraction share of requests kept, 0..1
 * @param key when set, the decision hashes this request value so the same user is always in or
 *     always out; requests without the value are sampled at random at the same rate
 * @param include path globs a request must match to be kept (empty: every path); {@code *} stays
 *     within a path segment, {@code **} crosses segments
 * @param exclude path globs that are never kept
 * @param methods methods kept, upper case (empty: every method)
 */
public record SamplingPolicy(
    double fraction, @Nullable Key key, List<String> include, List<String> exclude, Set<String> methods) {

  public static final SamplingPolicy ALL = new SamplingPolicy(1.0, null, List.of(), List.of(), Set.of());

  public SamplingPolicy {
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new IllegalArgumentException("fraction: " + fraction + " (expected: 0..1)");
    }
    include = List.copyOf(requireNonNull(include, "include"));
    exclude = List.copyOf(requireNonNull(exclude, "exclude"));
    methods = requireNonNull(methods, "methods").stream()
        .map(m -> m.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    for (String glob : include) {
      checkGlob(glob);
    }
    for (String glob : exclude) {
      checkGlob(glob);
    }
  }

  /** Where a consistent sampling key is read from. */
  public enum Source { HEADER, COOKIE, QUERY }

  /** A request value that decides sampling consistently, e.g. {@code cookie:session}. */
  public record Key(Source source, String name) {
    public Key {
      requireNonNull(source, "source");
      requireNonNull(name, "name");
      if (name.isEmpty()) {
        throw new IllegalArgumentException("sampling key name: \"\" (expected: a header, cookie or query name)");
      }
    }

    /** Parses {@code header:X-User}, {@code cookie:session} or {@code query:user}. */
    public static Key parse(String spec) {
      int colon = spec.indexOf(':');
      String kind = colon < 0 ? "" : spec.substring(0, colon).toLowerCase(Locale.ROOT);
      String name = colon < 0 ? "" : spec.substring(colon + 1);
      Source source = switch (kind) {
        case "header" -> Source.HEADER;
        case "cookie" -> Source.COOKIE;
        case "query" -> Source.QUERY;
        default -> throw new IllegalArgumentException(
            "sampling key \"" + spec + "\" (expected: header:NAME, cookie:NAME or query:NAME)");
      };
      return new Key(source, name);
    }

    @Override
    public String toString() {
      return source.name().toLowerCase(Locale.ROOT) + ":" + name;
    }
  }

  /**
   * Parses a rate: {@code 10%}, {@code 0.5%} or a fraction such as {@code 0.1}.
   *
   * @throws IllegalArgumentException naming the expected forms
   */
  public static double parseRate(String text) {
    String t = text.trim();
    try {
      double value = t.endsWith("%")
          ? Double.parseDouble(t.substring(0, t.length() - 1).trim()) / 100
          : Double.parseDouble(t);
      if (value >= 0 && value <= 1) {
        return value;
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException(
        "sample rate \"" + text + "\" (expected: a percentage such as 10% or a fraction 0..1)");
  }

  public SamplingPolicy withFraction(double newFraction) {
    return new SamplingPolicy(newFraction, key, include, exclude, methods);
  }

  private static void checkGlob(String glob) {
    if (!glob.startsWith("/")) {
      throw new IllegalArgumentException("path glob \"" + glob + "\" (expected: starts with /)");
    }
  }
}
