package dev.replaytwin.proxy.internal;

import dev.replaytwin.proxy.Route;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.FastThreadLocal;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * Keep-alive connections to one route, kept per event loop so a client's upstream connection lives
 * on the client's own loop and needs no locking. Idle connections keep a read pending so that an
 * upstream closing them is noticed at once, not when the next request fails.
 */
final class UpstreamPool {
  /** How many requests a connection has carried; more than zero means it came from the pool. */
  static final AttributeKey<Integer> USES = AttributeKey.valueOf("twin.upstream.uses");
  private static final AttributeKey<Long> IDLE_SINCE = AttributeKey.valueOf("twin.upstream.idle-since");

  private final Route route;
  private final SslContext ssl;
  private final int maxIdle;
  private final Duration connectTimeout;
  private final Duration idleTimeout;
  private final FastThreadLocal<Idle> idle = new FastThreadLocal<>() {
    @Override
    protected Idle initialValue() {
      return new Idle();
    }
  };

  /**
   * One loop's idle connections, most recently used last (taken first), so the longest idle are at
   * the head for the sweep that closes them.
   */
  private static final class Idle {
    final ArrayDeque<Channel> channels = new ArrayDeque<>();
    boolean sweeping;
  }

  UpstreamPool(Route route, SslContext ssl, int maxIdle, Duration connectTimeout, Duration idleTimeout) {
    this.route = route;
    this.ssl = ssl;
    this.maxIdle = maxIdle;
    this.connectTimeout = connectTimeout;
    this.idleTimeout = idleTimeout;
  }

  Route route() {
    return route;
  }

  /** A connection on {@code loop}: a pooled one when any is alive, else a new one. Call on {@code loop}. */
  Future<Channel> acquire(EventLoop loop, boolean fresh) {
    Idle pooled = idle.get();
    while (!fresh && !pooled.channels.isEmpty()) {
      Channel ch = pooled.channels.pollLast();
      if (ch.isActive()) {
        ch.attr(USES).set(ch.attr(USES).get() + 1);
        return loop.newSucceededFuture(ch);
      }
    }
    Promise<Channel> promise = loop.newPromise();
    ChannelFuture connect = bootstrap(loop).connect(route.host(), route.port());
    connect.addListener((ChannelFuture f) -> {
      if (!f.isSuccess()) {
        promise.tryFailure(f.cause());
        return;
      }
      Channel ch = f.channel();
      ch.attr(USES).set(0);
      SslHandler tls = ch.pipeline().get(SslHandler.class);
      if (tls == null) {
        promise.trySuccess(ch);
      } else {
        tls.handshakeFuture().addListener(h -> {
          if (h.isSuccess()) {
            promise.trySuccess(ch);
          } else {
            ch.close();
            promise.tryFailure(h.cause());
          }
        });
      }
    });
    return promise;
  }

  /** Returns a connection whose last exchange ended cleanly. Call on the connection's loop. */
  void release(Channel ch) {
    Idle pooled = idle.get();
    if (!ch.isActive() || pooled.channels.size() >= maxIdle) {
      ch.close();
      return;
    }
    ch.attr(IDLE_SINCE).set(System.nanoTime());
    pooled.channels.addLast(ch);
    ch.read();
    if (!pooled.sweeping) {
      pooled.sweeping = true;
      long period = Math.max(TimeUnit.MILLISECONDS.toNanos(10), idleTimeout.toNanos() / 2);
      ch.eventLoop().scheduleAtFixedRate(() -> sweep(pooled), period, period, TimeUnit.NANOSECONDS);
    }
  }

  /** Closes this loop's connections idle longer than the idle timeout (a timer, not a handler per write). */
  private void sweep(Idle pooled) {
    long now = System.nanoTime();
    while (!pooled.channels.isEmpty()
        && now - pooled.channels.peekFirst().attr(IDLE_SINCE).get() >= idleTimeout.toNanos()) {
      pooled.channels.pollFirst().close();
    }
  }

  /** Forgets a connection that closed. Call on the connection's loop. */
  void remove(Channel ch) {
    idle.get().channels.remove(ch);
  }

  private Bootstrap bootstrap(EventLoop loop) {
    return new Bootstrap()
        .group(loop)
        .channel(NioSocketChannel.class)
        .option(ChannelOption.AUTO_READ, false)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.SO_KEEPALIVE, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()))
        .handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            if (ssl != null) {
              SSLEngine engine = ssl.newEngine(ch.alloc(), route.host(), route.port());
              SSLParameters params = engine.getSSLParameters();
              params.setEndpointIdentificationAlgorithm("HTTPS");
              engine.setSSLParameters(params);
              ch.pipeline().addLast(new SslHandler(engine));
            }
            HttpDecoderConfig decoder = new HttpDecoderConfig()
                .setMaxInitialLineLength(16 * 1024)
                .setMaxHeaderSize(64 * 1024)
                .setMaxChunkSize(64 * 1024);
            ch.pipeline()
                .addLast(new HttpClientCodec(decoder, false, false))
                .addLast(new BackendHandler(UpstreamPool.this));
          }
        });
  }
}
