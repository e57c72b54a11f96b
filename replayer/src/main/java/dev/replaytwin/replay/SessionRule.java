package dev.replaytwin.replay;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.Nullable;

/**
 * What makes requests one session: a cookie, a header, or the client connection they came on.
 * Requests of one session go to each target in their captured order, one at a time, and
 * {@link CorrelationRule}s carry values from one response to the later requests of its session.
 *
 * @param source where the key is
 * @param name the cookie or header name ({@code ""} for {@link Source#CONNECTION})
 */
public record SessionRule(Source source, String name) {
  /** Where a session key is found. */
  public enum Source { COOKIE, HEADER, CONNECTION }

  public SessionRule {
    requireNonNull(source, "source");
    requireNonNull(name, "name");
    if ((source == Source.CONNECTION) != name.isEmpty()) {
      throw new IllegalArgumentException("session rule: " + source + " \"" + name
          + "\" (expected: a name for cookie and header, none for connection)");
    }
  }

  /**
   * Parses {@code cookie:NAME}, {@code header:NAME} or {@code connection}.
   *
   * @throws IllegalArgumentException naming the expected forms
   */
  public static SessionRule parse(String text) {
    if (text.equals("connection")) {
      return new SessionRule(Source.CONNECTION, "");
    }
    int colon = text.indexOf(':');
    String kind = colon < 0 ? "" : text.substring(0, colon);
    String name = colon < 0 ? "" : text.substring(colon + 1).trim();
    if (!name.isEmpty() && kind.equals("cookie")) {
      return new SessionRule(Source.COOKIE, name);
    }
    if (!name.isEmpty() && kind.equals("header")) {
      return new SessionRule(Source.HEADER, name);
    }
    throw new IllegalArgumentException("session: \"" + text
        + "\" (expected: cookie:NAME, header:NAME or connection, e.g. cookie:SESSIONID)");
  }

  /** The exchange's session key, or null when its request carries none. */
  public @Nullable String key(Exchange exchange) {
    return switch (source) {
      case CONNECTION -> exchange.connectionId();
      case HEADER -> exchange.request().headers().first(name).filter(v -> !v.isEmpty()).orElse(null);
      case COOKIE -> cookie(exchange);
    };
  }

  private @Nullable String cookie(Exchange exchange) {
    for (String header : exchange.request().headers().all("Cookie")) {
      for (String pair : header.split(";")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && pair.substring(0, eq).trim().equals(name)) {
          String value = pair.substring(eq + 1).trim();
          return value.isEmpty() ? null : value;
        }
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return source == Source.CONNECTION ? "connection" : source.name().toLowerCase(java.util.Locale.ROOT) + ":" + name;
  }
}
