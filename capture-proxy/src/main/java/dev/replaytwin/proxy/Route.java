package dev.replaytwin.proxy;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where the proxy sends requests: the production upstream of the ingress listener, or one named
 * dependency of the egress listener.
 *
 * @param name the dependency name recorded on OUTBOUND exchanges ({@code "upstream"} for ingress)
 * @param secure true for {@code https://}
 * @param host host name or address, used for the connection, SNI and certificate checks
 * @param port TCP port (80 or 443 when the URL has none)
 * @param basePath path prefix prepended to every forwarded target ({@code ""} for none)
 */
public record Route(String name, boolean secure, String host, int port, String basePath) {

  public Route {
    requireNonNull(name, "name");
    requireNonNull(host, "host");
    requireNonNull(basePath, "basePath");
    if (name.isEmpty() || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new IllegalArgumentException(
          "route name: \"" + name + "\" (expected: letters, digits, '.', '_' or '-')");
    }
    if (host.isEmpty()) {
      throw new IllegalArgumentException("host: \"\" (expected: a host name or address)");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port: " + port + " (expected: 1..65535)");
    }
    if (basePath.endsWith("/")) {
      basePath = basePath.substring(0, basePath.length() - 1);
    }
  }

  /**
   * Parses {@code http://host[:port][/base]} or {@code https://...}.
   *
   * @throws IllegalArgumentException with a message naming what is wrong
   */
  public static Route parse(String name, String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("\"" + url + "\" is not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException(
          "\"" + url + "\": scheme \"" + scheme + "\" (expected: http or https)");
    }
    String host = uri.getHost();
    int port = uri.getPort();
    if (host == null && uri.getRawAuthority() != null && !uri.getRawAuthority().contains("@")) {
      // java.net.URI refuses host names with '_' (docker-compose service names have them).
      String authority = uri.getRawAuthority();
      int colon = authority.lastIndexOf(':');
      host = colon < 0 ? authority : authority.substring(0, colon);
      try {
        port = colon < 0 ? -1 : Integer.parseInt(authority.substring(colon + 1));
      } catch (NumberFormatException e) {
        host = null;
      }
    }
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("\"" + url + "\" has no host (expected: http://host:port)");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("\"" + url + "\": an upstream URL takes no query or fragment");
    }
    boolean secure = scheme.equals("https");
    port = port == -1 ? (secure ? 443 : 80) : port;
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    return new Route(name, secure, host, port, path);
  }

  /** The Host header value an origin server expects for this route. */
  public String authority() {
    String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    boolean defaultPort = secure ? port == 443 : port == 80;
    return defaultPort ? h : h + ":" + port;
  }

  @Override
  public String toString() {
    return name + "=" + (secure ? "https://" : "http://") + authority() + basePath;
  }
}
