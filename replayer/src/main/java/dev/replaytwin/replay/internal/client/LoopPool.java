package dev.replaytwin.replay.internal.client;

import dev.replaytwin.core.Nullable;
import dev.replaytwin.core.run.ErrorKind;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.Future;
import io.netty.util.internal.PlatformDependent;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * The connections to one target that live on one event loop, with the requests waiting for them.
 * Everything but the published counters is touched on that loop only, so nothing is locked. A
 * request takes the most recently used idle connection, else opens a new one while fewer than
 * {@code maxConnections} are open, else waits in line; past {@code maxWaiting} it is dropped.
 */
final class LoopPool {
  final EventLoop loop;
  final RequestFactory requests;
  final long responseTimeoutNanos;
  private final TargetClientOptions options;
  private final @Nullable InetSocketAddress address;
  private final String unresolved;
  private final @Nullable SslContext ssl;
  private final int maxConnections;
  private final int maxWaiting;
  private final Bootstrap bootstrap;
  private final ArrayDeque<TargetConnection> idle = new ArrayDeque<>();
  private final ArrayDeque<Exchange> waiting = new ArrayDeque<>();
  private final Set<TargetConnection> all = new HashSet<>();
  /** Requests handed over from other threads, drained by one task on the loop. */
  private final Queue<Exchange> incoming = PlatformDependent.newMpscQueue();
  private final AtomicBoolean drainScheduled = new AtomicBoolean();
  private final Runnable drain = this::drainIncoming;
  private boolean closed;

  // Written on the loop only; volatile so that stats() may read them from any thread.
  private volatile int open;
  private volatile int idleCount;
  private volatile long waited;
  private volatile long dropped;
  private volatile long connectFailures;

  /**
   * @param address where to connect; null when the host did not resolve, and every request then
   *     fails with {@code unresolved} as its detail
   */
  LoopPool(EventLoop loop, TargetClientOptions options, @Nullable InetSocketAddress address, String unresolved,
      @Nullable SslContext ssl, int maxConnections, int maxWaiting) {
    this.loop = loop;
    this.options = options;
    this.address = address;
    this.unresolved = unresolved;
    this.ssl = ssl;
    this.maxConnections = maxConnections;
    this.maxWaiting = maxWaiting;
    this.requests = new RequestFactory(options.authority(), options.pathPrefix());
    this.responseTimeoutNanos = options.responseTimeout().toNanos();
    this.bootstrap = new Bootstrap()
        .group(loop)
        .channel(NioSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.SO_KEEPALIVE, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
            (int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis()));
  }

  /**
   * Hands {@code e} to the loop from another thread. Requests handed over while the loop has not
   * yet drained the earlier ones go in the same batch: one task and at most one wake-up of the
   * loop, however many requests a busy dispatcher sends.
   */
  void handOver(Exchange e) {
    incoming.offer(e);
    if (drainScheduled.compareAndSet(false, true)) {
      try {
        loop.execute(drain);
      } catch (RejectedExecutionException rejected) {
        // The group is shutting down: the only thread left to tell the callers is this one.
        drainScheduled.set(false);
        for (Exchange x; (x = incoming.poll()) != null; ) {
          x.fail(ErrorKind.DROPPED, "event loop shut down");
        }
      }
    }
  }

  private void drainIncoming() {
    drainScheduled.set(false);
    for (Exchange e; (e = incoming.poll()) != null; ) {
      dispatch(e);
    }
  }

  /** Sends {@code e} on a free connection, a new one, or after those ahead of it. Call on the loop. */
  void dispatch(Exchange e) {
    if (closed) {
      drop(e, "client closed");
      return;
    }
    if (address == null) {
      e.fail(ErrorKind.UNRESOLVED, unresolved);
      return;
    }
    for (TargetConnection c; (c = idle.pollLast()) != null; ) {
      if (c.isActive()) {
        idleCount = idle.size();
        c.send(e);
        return;
      }
    }
    idleCount = 0;
    if (open < maxConnections) {
      connect(e);
    } else if (waiting.size() >= maxWaiting) {
      drop(e, waiting.size() + " requests already waiting for a connection");
    } else {
      waited++;
      e.waited = true;
      waiting.addLast(e);
    }
  }

  /** Sends {@code e} again on a fresh connection, or first in line when none may be opened. */
  void retry(Exchange e) {
    if (closed) {
      drop(e, "client closed");
    } else if (open < maxConnections) {
      connect(e);
    } else {
      waiting.addFirst(e);
    }
  }

  /** Takes back a connection whose last response left it reusable. Call on the loop. */
  void release(TargetConnection c) {
    if (closed || !c.isActive()) {
      c.close();
      return;
    }
    for (Exchange next; (next = waiting.pollFirst()) != null; ) {
      if (!next.isDone()) {
        c.send(next);
        return;
      }
    }
    idle.addLast(c);
    idleCount = idle.size();
  }

  void drop(Exchange e, String detail) {
    dropped++;
    e.fail(ErrorKind.DROPPED, detail);
  }

  /**
   * Opens one connection with no request for it, which joins the idle ones once ready; the future
   * completes when the connection attempt ends, whatever its outcome. Call on the loop.
   */
  Future<?> preconnect() {
    if (closed || address == null || open >= maxConnections) {
      return loop.newSucceededFuture(null);
    }
    return connect(null);
  }

  private ChannelFuture connect(@Nullable Exchange first) {
    open++;
    ResponseDecoder decoder = new ResponseDecoder();
    TargetConnection c = new TargetConnection(this, decoder, options.bodyCap());
    c.pending = first;
    all.add(c);
    ChannelFuture f = bootstrap.clone().handler(new ChannelInitializer<Channel>() {
      @Override
      protected void initChannel(Channel ch) {
        initPipeline(ch, decoder, c);
      }
    }).connect(address);
    f.channel().closeFuture().addListener(done -> onClosed(c));
    f.addListener(connected -> onConnected(c, connected));
    return f;
  }

  private void initPipeline(Channel ch, ResponseDecoder decoder, TargetConnection c) {
    if (ssl != null) {
      SSLEngine engine = ssl.newEngine(ch.alloc(), options.host(), options.port());
      SSLParameters params = engine.getSSLParameters();
      params.setEndpointIdentificationAlgorithm("HTTPS");
      engine.setSSLParameters(params);
      SslHandler tls = new SslHandler(engine);
      tls.setHandshakeTimeoutMillis(options.connectTimeout().toMillis());
      ch.pipeline().addLast(tls);
    }
    ch.pipeline().addLast(decoder, c);
  }

  private void onConnected(TargetConnection c, Future<?> connected) {
    if (!connected.isSuccess()) {
      connectFailed(c, connected.cause());
      return;
    }
    SslHandler tls = ((ChannelFuture) connected).channel().pipeline().get(SslHandler.class);
    if (tls == null) {
      onReady(c);
    } else {
      tls.handshakeFuture().addListener(h -> {
        if (h.isSuccess()) {
          onReady(c);
        } else {
          connectFailed(c, h.cause());
          c.close();
        }
      });
    }
  }

  private void connectFailed(TargetConnection c, Throwable cause) {
    connectFailures++;
    Exchange e = c.pending;
    c.pending = null;
    if (e != null) {
      e.fail(Failures.kindOf(cause), Failures.detail(cause));
    }
  }

  private void onReady(TargetConnection c) {
    Exchange e = c.pending;
    c.pending = null;
    if (e == null || e.isDone()) {
      release(c);
    } else if (closed) {
      drop(e, "client closed");
      c.close();
    } else {
      c.send(e);
    }
  }

  /** Forgets a connection that closed (or never opened), and lets the next in line open one. */
  private void onClosed(TargetConnection c) {
    all.remove(c);
    if (idle.remove(c)) {
      idleCount = idle.size();
    }
    open--;
    if (!closed && open < maxConnections) {
      for (Exchange next; (next = waiting.pollFirst()) != null; ) {
        if (!next.isDone()) {
          connect(next);
          return;
        }
      }
    }
  }

  /** Drops everything waiting or in flight and closes every connection. Call on the loop. */
  void close() {
    closed = true;
    drainIncoming();
    for (Exchange e; (e = waiting.pollFirst()) != null; ) {
      drop(e, "client closed");
    }
    for (TargetConnection c : new ArrayList<>(all)) {
      c.abort("client closed");
    }
    idle.clear();
    idleCount = 0;
  }

  ClientStats stats() {
    return new ClientStats(open, idleCount, waited, dropped, connectFailures);
  }
}
