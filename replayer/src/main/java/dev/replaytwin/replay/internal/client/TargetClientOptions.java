package dev.replaytwin.replay.internal.client;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.core.Nullable;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * How a {@link TargetClient} reaches its target and how much it holds.
 *
 * <pre>{@code
 * TargetClientOptions o = TargetClientOptions.of(URI.create("https://twin.internal:8443/api"))
 *     .withMaxConnections(256)
 *     .withTrustedCa(Path.of("ca.pem"));
 * }</pre>
 *
 * @param base {@code http} or {@code https}, host and optional port; a path is put before every
 *     request target
 * @param maxConnections connections open at once (default 1024)
 * @param maxWaiting requests queued for a connection before more are dropped (default 100,000)
 * @param connectTimeout for the TCP connect, and again for the TLS handshake (default 5 s)
 * @param responseTimeout from the request's write to the response's last byte (default 30 s)
 * @param bodyCap response body bytes kept per response (default 64 KiB); all are digested
 * @param trustedCa PEM certificates trusted for https targets; null for the system trust store
 */
public record TargetClientOptions(URI base, int maxConnections, int maxWaiting, Duration connectTimeout,
    Duration responseTimeout, int bodyCap, @Nullable Path trustedCa) {
  public static final int DEFAULT_MAX_CONNECTIONS = 1024;
  public static final int DEFAULT_MAX_WAITING = 100_000;
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(30);
  public static final int DEFAULT_BODY_CAP = 64 * 1024;

  public TargetClientOptions {
    requireNonNull(base, "base");
    requireNonNull(connectTimeout, "connectTimeout");
    requireNonNull(responseTimeout, "responseTimeout");
    String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("base: " + base + " (expected: an http or https URI)");
    }
    if (base.getHost() == null || base.getRawQuery() != null || base.getRawFragment() != null) {
      throw new IllegalArgumentException("base: " + base + " (expected: scheme://host[:port][/path], e.g. "
          + "http://twin:8080)");
    }
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections: " + maxConnections + " (expected: >= 1)");
    }
    if (maxWaiting < 0) {
      throw new IllegalArgumentException("maxWaiting: " + maxWaiting + " (expected: >= 0)");
    }
    if (connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new IllegalArgumentException("connectTimeout: " + connectTimeout + " (expected: > 0)");
    }
    if (responseTimeout.isNegative() || responseTimeout.isZero()) {
      throw new IllegalArgumentException("responseTimeout: " + responseTimeout + " (expected: > 0)");
    }
    if (bodyCap < 0) {
      throw new IllegalArgumentException("bodyCap: " + bodyCap + " (expected: >= 0)");
    }
  }

  /** The defaults for {@code base}. */
  public static TargetClientOptions of(URI base) {
    return new TargetClientOptions(base, DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_WAITING, DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_RESPONSE_TIMEOUT, DEFAULT_BODY_CAP, null);
  }

  public TargetClientOptions withMaxConnections(int n) {
    return new TargetClientOptions(base, n, maxWaiting, connectTimeout, responseTimeout, bodyCap, trustedCa);
  }

  public TargetClientOptions withMaxWaiting(int n) {
    return new TargetClientOptions(base, maxConnections, n, connectTimeout, responseTimeout, bodyCap, trustedCa);
  }

  public TargetClientOptions withConnectTimeout(Duration d) {
    return new TargetClientOptions(base, maxConnections, maxWaiting, d, responseTimeout, bodyCap, trustedCa);
  }

  public TargetClientOptions withResponseTimeout(Duration d) {
    return new TargetClientOptions(base, maxConnections, maxWaiting, connectTimeout, d, bodyCap, trustedCa);
  }

  public TargetClientOptions withBodyCap(int bytes) {
    return new TargetClientOptions(base, maxConnections, maxWaiting, connectTimeout, responseTimeout, bytes,
        trustedCa);
  }

  public TargetClientOptions withTrustedCa(@Nullable Path pem) {
    return new TargetClientOptions(base, maxConnections, maxWaiting, connectTimeout, responseTimeout, bodyCap, pem);
  }

  /** True for https. */
  public boolean secure() {
    return base.getScheme().equalsIgnoreCase("https");
  }

  /** The host to connect to, without the brackets of an IPv6 literal. */
  public String host() {
    String h = base.getHost();
    return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
  }

  /** The port, or the scheme's default. */
  public int port() {
    return base.getPort() >= 0 ? base.getPort() : secure() ? 443 : 80;
  }

  /** The {@code Host} field: host, and the port unless it is the scheme's default. */
  public String authority() {
    boolean defaultPort = port() == (secure() ? 443 : 80);
    return defaultPort ? base.getHost() : base.getHost() + ":" + port();
  }

  /** The base URI's path without a trailing slash, put before each request target; often empty. */
  public String pathPrefix() {
    String p = base.getRawPath() == null ? "" : base.getRawPath();
    return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }
}
