package dev.replaytwin.proxy;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.core.ContextTags;
import dev.replaytwin.core.Nullable;
import dev.replaytwin.proxy.internal.ProxyRuntime;
import dev.replaytwin.proxy.internal.ProxyServer;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * A running capture proxy: an HTTP/1.1 reverse proxy in front of production that copies each
 * sampled exchange into a {@link CaptureTap}, and optionally an egress listener that does the same
 * for the service's calls to its dependencies.
 *
 * <pre>{@code
 * try (CaptureWriter writer = CaptureWriter.open(Path.of("prod.twcap"), CaptureWriterOptions.defaults());
 *      CaptureTap tap = new CaptureTap(writer::append, scrubber::scrub, 8192, 64 << 20, metrics);
 *      CaptureProxy proxy = CaptureProxy.start(options, tap, metrics, ContextTags.EMPTY)) {
 *   ...
 * }
 * }</pre>
 *
 * <p>Closing drains: the listeners stop accepting, exchanges in flight finish, connections close.
 * Close the tap afterwards so everything captured reaches the file.
 */
public final class CaptureProxy implements AutoCloseable {
  private final ProxyServer server;
  private volatile boolean ready = true;

  private CaptureProxy(ProxyServer server) {
    this.server = server;
  }

  /**
   * Binds and starts serving.
   *
   * @param tap where captured exchanges go, or {@code null} to proxy without capturing
   * @throws IOException when a listener cannot bind
   * @throws IllegalArgumentException when TLS material cannot be used
   */
  public static CaptureProxy start(ProxyOptions options, @Nullable CaptureTap tap, ProxyMetrics metrics,
      ContextTags context) throws IOException {
    requireNonNull(options, "options");
    requireNonNull(metrics, "metrics");
    requireNonNull(context, "context");
    ProxyRuntime rt = new ProxyRuntime(options, metrics, tap, context,
        new DefaultChannelGroup("twin-proxy-clients", GlobalEventExecutor.INSTANCE));
    CaptureProxy proxy = new CaptureProxy(ProxyServer.start(rt));
    metrics.gauge("twin.proxy.connections", "Client connections open", proxy.server::openConnections);
    return proxy;
  }

  /** The ingress listener's bound address (the real port when 0 was asked for). */
  public InetSocketAddress address() {
    return server.ingressAddress();
  }

  /** The egress listener's bound address, or {@code null} without one. */
  public @Nullable InetSocketAddress egressAddress() {
    return server.egressAddress();
  }

  /** False once shutdown has begun; {@code /readyz} reports it. */
  public boolean isReady() {
    return ready;
  }

  /**
   * Graceful shutdown: stop accepting, drain in-flight exchanges for up to {@code drainTimeout}.
   * Closing again does nothing.
   */
  public void close(Duration drainTimeout) {
    synchronized (this) {
      if (!ready) {
        return;
      }
      ready = false;
    }
    server.shutdown(drainTimeout);
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(30));
  }
}
