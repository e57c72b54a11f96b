package dev.replaytwin.proxy;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.core.Nullable;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How a {@link CaptureProxy} listens, forwards and captures.
 *
 * <pre>{@code
 * ProxyOptions options = ProxyOptions.builder(
 *         new InetSocketAddress("127.0.0.1", 8080), Route.parse("upstream", "http://127.0.0.1:9000"))
 *     .sampling(SamplingPolicy.ALL.withFraction(0.1))
 *     .build();
 * }</pre>
 *
 * @param listen ingress address (port 0 picks a free port)
 * @param upstream where ingress requests go
 * @param egressListen address of the egress listener, or {@code null} for none
 * @param egressRoutes named dependencies the egress listener forwards to
 * @param tls TLS termination on both listeners, or {@code null} for plain HTTP
 * @param upstreamCa PEM bundle trusted for {@code https://} upstreams instead of the system store
 * @param connectTimeout upstream connect; a timeout answers 504
 * @param upstreamTimeout longest wait for the next byte from the upstream once the request is
 *     sent; a timeout before the response head answers 504, after it closes the client connection
 * @param clientIdleTimeout a client connection with nothing in flight is closed after this
 * @param upstreamIdleTimeout a pooled upstream connection is closed after this
 * @param maxIdlePerWorker pooled upstream connections kept per worker and route
 * @param forwarded X-Forwarded-* handling
 * @param maxInitialLineBytes longest request line (414 beyond)
 * @param maxHeaderBytes largest header block (431 beyond)
 * @param captureBodyLimit body bytes kept per request and per response; longer bodies are stored
 *     truncated and flagged, and streamed through whole
 * @param workers event-loop threads
 */
public record ProxyOptions(
    InetSocketAddress listen, Route upstream, @Nullable InetSocketAddress egressListen,
    List<Route> egressRoutes, @Nullable ServerTls tls, @Nullable Path upstreamCa,
    Duration connectTimeout, Duration upstreamTimeout, Duration clientIdleTimeout,
    Duration upstreamIdleTimeout, int maxIdlePerWorker, ForwardedHeaders forwarded,
    int maxInitialLineBytes, int maxHeaderBytes, int captureBodyLimit, int workers,
    SamplingPolicy sampling) {

  public static final int DEFAULT_CAPTURE_BODY_LIMIT = 256 * 1024;

  public ProxyOptions {
    requireNonNull(listen, "listen");
    requireNonNull(upstream, "upstream");
    egressRoutes = List.copyOf(requireNonNull(egressRoutes, "egressRoutes"));
    requireNonNull(forwarded, "forwarded");
    requireNonNull(sampling, "sampling");
    positive("connectTimeout", connectTimeout);
    positive("upstreamTimeout", upstreamTimeout);
    positive("clientIdleTimeout", clientIdleTimeout);
    positive("upstreamIdleTimeout", upstreamIdleTimeout);
    range("maxIdlePerWorker", maxIdlePerWorker, 0, 100_000);
    range("maxInitialLineBytes", maxInitialLineBytes, 256, 1 << 20);
    range("maxHeaderBytes", maxHeaderBytes, 1024, 1 << 20);
    range("captureBodyLimit", captureBodyLimit, 0, 64 << 20);
    range("workers", workers, 1, 1024);
    if (egressListen == null && !egressRoutes.isEmpty()) {
      throw new IllegalArgumentException("egressRoutes given without an egress listener (expected: --egress H:P)");
    }
    if (egressListen != null && egressRoutes.isEmpty()) {
      throw new IllegalArgumentException("egress listener without routes (expected: --route NAME=URL)");
    }
    Set<String> names = new HashSet<>();
    for (Route r : egressRoutes) {
      if (!names.add(r.name())) {
        throw new IllegalArgumentException("route \"" + r.name() + "\" given twice");
      }
    }
  }

  public static Builder builder(InetSocketAddress listen, Route upstream) {
    return new Builder(listen, upstream);
  }

  private static void positive(String name, Duration d) {
    requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + ": " + d + " (expected: > 0)");
    }
  }

  private static void range(String name, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + ": " + value + " (expected: " + min + ".." + max + ")");
    }
  }

  /** Builder with the defaults documented on each setter's field. */
  public static final class Builder {
    private final InetSocketAddress listen;
    private final Route upstream;
    private InetSocketAddress egressListen;
    private final List<Route> egressRoutes = new ArrayList<>();
    private ServerTls tls;
    private Path upstreamCa;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration upstreamTimeout = Duration.ofSeconds(60);
    private Duration clientIdleTimeout = Duration.ofSeconds(75);
    private Duration upstreamIdleTimeout = Duration.ofSeconds(30);
    private int maxIdlePerWorker = 256;
    private ForwardedHeaders forwarded = ForwardedHeaders.APPEND;
    private int maxInitialLineBytes = 8192;
    private int maxHeaderBytes = 16384;
    private int captureBodyLimit = DEFAULT_CAPTURE_BODY_LIMIT;
    private int workers = Runtime.getRuntime().availableProcessors();
    private SamplingPolicy sampling = SamplingPolicy.ALL;

    private Builder(InetSocketAddress listen, Route upstream) {
      this.listen = listen;
      this.upstream = upstream;
    }

    public Builder egress(InetSocketAddress address, List<Route> routes) {
      this.egressListen = address;
      this.egressRoutes.clear();
      this.egressRoutes.addAll(routes);
      return this;
    }

    public Builder tls(@Nullable ServerTls tls) {
      this.tls = tls;
      return this;
    }

    public Builder upstreamCa(@Nullable Path upstreamCa) {
      this.upstreamCa = upstreamCa;
      return this;
    }

    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
      return this;
    }

    public Builder upstreamTimeout(Duration upstreamTimeout) {
      this.upstreamTimeout = upstreamTimeout;
      return this;
    }

    public Builder clientIdleTimeout(Duration clientIdleTimeout) {
      this.clientIdleTimeout = clientIdleTimeout;
      return this;
    }

    public Builder upstreamIdleTimeout(Duration upstreamIdleTimeout) {
      this.upstreamIdleTimeout = upstreamIdleTimeout;
      return this;
    }

    public Builder maxIdlePerWorker(int maxIdlePerWorker) {
      this.maxIdlePerWorker = maxIdlePerWorker;
      return this;
    }

    public Builder forwarded(ForwardedHeaders forwarded) {
      this.forwarded = forwarded;
      return this;
    }

    public Builder maxInitialLineBytes(int maxInitialLineBytes) {
      this.maxInitialLineBytes = maxInitialLineBytes;
      return this;
    }

    public Builder maxHeaderBytes(int maxHeaderBytes) {
      this.maxHeaderBytes = maxHeaderBytes;
      return this;
    }

    public Builder captureBodyLimit(int captureBodyLimit) {
      this.captureBodyLimit = captureBodyLimit;
      return this;
    }

    public Builder workers(int workers) {
      this.workers = workers;
      return this;
    }

    public Builder sampling(SamplingPolicy sampling) {
      this.sampling = sampling;
      return this;
    }

    public ProxyOptions build() {
      return new ProxyOptions(listen, upstream, egressListen, egressRoutes, tls, upstreamCa,
          connectTimeout, upstreamTimeout, clientIdleTimeout, upstreamIdleTimeout, maxIdlePerWorker,
          forwarded, maxInitialLineBytes, maxHeaderBytes, captureBodyLimit, workers, sampling);
    }
  }
}
