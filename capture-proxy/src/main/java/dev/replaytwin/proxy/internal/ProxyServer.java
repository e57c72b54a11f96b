package dev.replaytwin.proxy.internal;

import dev.replaytwin.core.Nullable;
import dev.replaytwin.proxy.ProxyOptions;
import dev.replaytwin.proxy.Route;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;

/** Binds the listeners and owns the event loops; see {@link dev.replaytwin.proxy.CaptureProxy}. */
public final class ProxyServer {
  private final ProxyRuntime rt;
  private final EventLoopGroup group;
  private final Channel ingress;
  private final @Nullable Channel egress;
  private final AtomicBoolean shutDown = new AtomicBoolean();

  private ProxyServer(ProxyRuntime rt, EventLoopGroup group, Channel ingress, @Nullable Channel egress) {
    this.rt = rt;
    this.group = group;
    this.ingress = ingress;
    this.egress = egress;
  }

  /**
   * Binds the ingress (and egress) listener.
   *
   * @throws IOException when an address cannot be bound
   * @throws IllegalArgumentException when a certificate, key or CA file cannot be used
   */
  public static ProxyServer start(ProxyRuntime rt) throws IOException {
    ProxyOptions o = rt.options;
    SslContext serverTls = o.tls() == null ? null : serverTls(o);
    SslContext clientTls = clientTls(o);
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(o.workers(),
        new DefaultThreadFactory("twin-proxy", true),
        NioIoHandler.newFactory());
    try {
      Channel ingress = bind(group, o.listen(), new FrontendInitializer(rt,
          Listener.ingress(pool(o, o.upstream(), clientTls)), serverTls));
      Channel egress = null;
      if (o.egressListen() != null) {
        List<UpstreamPool> pools = new ArrayList<>();
        for (Route r : o.egressRoutes()) {
          pools.add(pool(o, r, clientTls));
        }
        egress = bind(group, o.egressListen(), new FrontendInitializer(rt, Listener.egress(pools), serverTls));
      }
      return new ProxyServer(rt, group, ingress, egress);
    } catch (IOException | RuntimeException e) {
      group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      throw e;
    }
  }

  public InetSocketAddress ingressAddress() {
    return (InetSocketAddress) ingress.localAddress();
  }

  public @Nullable InetSocketAddress egressAddress() {
    return egress == null ? null : (InetSocketAddress) egress.localAddress();
  }

  /** Connections open right now. */
  public int openConnections() {
    return rt.clients.size();
  }

  /**
   * Stops accepting, lets every exchange in flight finish (closing each connection after its
   * response), and after {@code timeout} closes whatever is left.
   */
  public void shutdown(Duration timeout) {
    if (!shutDown.compareAndSet(false, true)) {
      return;
    }
    rt.startDraining();
    ingress.close().syncUninterruptibly();
    if (egress != null) {
      egress.close().syncUninterruptibly();
    }
    for (Channel c : rt.clients) {
      c.pipeline().fireUserEventTriggered(FrontendHandler.DRAIN);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!rt.clients.isEmpty() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    rt.clients.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }

  private static Channel bind(EventLoopGroup group, InetSocketAddress address, FrontendInitializer init)
      throws IOException {
    ServerBootstrap b = new ServerBootstrap()
        .group(group)
        .channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_BACKLOG, 1024)
        .option(ChannelOption.SO_REUSEADDR, true)
        .childOption(ChannelOption.AUTO_READ, false)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(init);
    try {
      return b.bind(address).sync().channel();
    } catch (Exception e) {
      throw new IOException("cannot listen on " + address.getHostString() + ":" + address.getPort()
          + ": " + e.getMessage(), e);
    }
  }

  private static UpstreamPool pool(ProxyOptions o, Route route, SslContext clientTls) {
    return new UpstreamPool(route, route.secure() ? clientTls : null, o.maxIdlePerWorker(),
        o.connectTimeout(), o.upstreamIdleTimeout());
  }

  private static SslContext serverTls(ProxyOptions o) {
    try {
      return SslContextBuilder.forServer(o.tls().certificateChain().toFile(), o.tls().privateKey().toFile())
          .build();
    } catch (SSLException | IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot use TLS certificate " + o.tls().certificateChain()
          + " with key " + o.tls().privateKey() + ": " + rootMessage(e), e);
    }
  }

  private static SslContext clientTls(ProxyOptions o) {
    try {
      SslContextBuilder b = SslContextBuilder.forClient();
      if (o.upstreamCa() != null) {
        b.trustManager(o.upstreamCa().toFile());
      }
      return b.build();
    } catch (SSLException | IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot use CA file " + o.upstreamCa() + ": " + rootMessage(e), e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }


}
