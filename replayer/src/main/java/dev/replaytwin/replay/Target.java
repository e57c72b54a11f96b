package dev.replaytwin.replay;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A service a replay sends requests to.
 *
 * @param name names the target's directory in the run, e.g. {@code baseline} or {@code candidate}
 * @param url {@code http://} or {@code https://} base URL; a path is prefixed to every request
 * @param twin true for a twin, which may receive write methods (POST, PUT, PATCH, DELETE, ...);
 *     false for a target that must only ever be read from
 */
public record Target(String name, URI url, boolean twin) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  public Target {
    requireNonNull(name, "name");
    requireNonNull(url, "url");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("target name: \"" + name + "\" (expected: up to 64 letters, digits,"
          + " '.', '_' or '-', starting with a letter or digit)");
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
      throw new IllegalArgumentException("target " + name + ": \"" + url
          + "\" (expected: an http:// or https:// URL with a host, e.g. http://127.0.0.1:9001)");
    }
    if (url.getRawQuery() != null || url.getRawFragment() != null) {
      throw new IllegalArgumentException("target " + name + ": \"" + url
          + "\" (expected: no query or fragment; a path prefix is allowed)");
    }
  }

  /**
   * Parses {@code NAME=URL}.
   *
   * @throws IllegalArgumentException saying what is wrong and what is expected
   */
  public static Target parse(String text, boolean twin) {
    int eq = text.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException("target: \"" + text + "\" (expected: NAME=URL, e.g. candidate=http://127.0.0.1:9002)");
    }
    try {
      return new Target(text.substring(0, eq), new URI(text.substring(eq + 1)), twin);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("target " + text.substring(0, eq) + ": \"" + text.substring(eq + 1)
          + "\" is not a URL (" + e.getReason() + ")");
    }
  }

  /** The port the URL names, or the scheme's default. */
  public int port() {
    return url.getPort() >= 0 ? url.getPort() : url.getScheme().equalsIgnoreCase("https") ? 443 : 80;
  }

  /** {@code host:port}, lower case, port always present. */
  public String authority() {
    return url.getHost().toLowerCase(Locale.ROOT) + ":" + port();
  }
}
