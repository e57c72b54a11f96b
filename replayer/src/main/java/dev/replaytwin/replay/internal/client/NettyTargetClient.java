package dev.replaytwin.replay.internal.client;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.core.Nullable;
import dev.replaytwin.core.run.ErrorKind;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;

/**
 * The replay data path's {@link TargetClient}: Netty's HTTP/1.1 codec over NIO connections on the
 * given group's event loops, with a pool of our own. The connections are split among the group's
 * loops (at most {@code maxConnections} of them), each loop's share with its own idle connections
 * and waiting line ({@link LoopPool}), and requests go to the loops in turn. A send is one task
 * handed to a loop: no lock, no thread of its own, nothing that waits.
 *
 * <pre>{@code
 * EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
 * try (TargetClient twin = NettyTargetClient.create(TargetClientOptions.of(URI.create("http://127.0.0.1:8080")), group)) {
 *   twin.send(OutgoingRequest.of("GET", "/health"), r -> System.out.println(r.status()));
 * }
 * }</pre>
 */
public final class NettyTargetClient implements TargetClient {
  private static final long CLOSE_WAIT_SECONDS = 10;

  private final EventLoopGroup group;
  private final LoopPool[] pools;
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicBoolean closed = new AtomicBoolean();

  private NettyTargetClient(EventLoopGroup group, LoopPool[] pools) {
    this.group = group;
    this.pools = pools;
  }

  /**
   * A client for {@code options.base()} on {@code group}'s loops; the caller owns the group. The
   * target's host is resolved here, once: when it does not resolve, every request completes with
   * {@link ErrorKind#UNRESOLVED}.
   *
   * @throws IllegalArgumentException when the trusted CA file cannot be used
   */
  public static NettyTargetClient create(TargetClientOptions options, EventLoopGroup group) {
    requireNonNull(options, "options");
    requireNonNull(group, "group");
    SslContext ssl = options.secure() ? clientTls(options) : null;
    InetSocketAddress address = null;
    String unresolved = "";
    try {
      address = new InetSocketAddress(InetAddress.getByName(options.host()), options.port());
    } catch (UnknownHostException e) {
      unresolved = "unknown host " + options.host();
    }
    List<EventLoop> loops = new ArrayList<>();
    for (EventExecutor e : group) {
      if (e instanceof EventLoop loop) {
        loops.add(loop);
      }
    }
    if (loops.isEmpty()) {
      throw new IllegalArgumentException("group: " + group + " (expected: an event loop group with event loops)");
    }
    int n = Math.min(loops.size(), options.maxConnections());
    LoopPool[] pools = new LoopPool[n];
    for (int i = 0; i < n; i++) {
      pools[i] = new LoopPool(loops.get(i), options, address, unresolved, ssl, share(options.maxConnections(), n, i),
          share(options.maxWaiting(), n, i));
    }
    return new NettyTargetClient(group, pools);
  }

  /** The {@code i}th of {@code n} near-equal shares of {@code total}. */
  private static int share(int total, int n, int i) {
    return total / n + (i < total % n ? 1 : 0);
  }

  private static SslContext clientTls(TargetClientOptions o) {
    try {
      SslContextBuilder b = SslContextBuilder.forClient();
      if (o.trustedCa() != null) {
        b.trustManager(o.trustedCa().toFile());
      }
      return b.build();
    } catch (SSLException | IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot use CA file " + o.trustedCa() + ": " + Failures.detail(e), e);
    }
  }

  @Override
  public void send(OutgoingRequest request, ResponseListener listener) {
    requireNonNull(request, "request");
    requireNonNull(listener, "listener");
    LoopPool pool = pools.length == 1 ? pools[0] : pools[Math.floorMod(next.getAndIncrement(), pools.length)];
    Exchange e = new Exchange(pool, request, listener);
    if (pool.loop.inEventLoop()) {
      pool.dispatch(e);
    } else {
      pool.handOver(e);
    }
  }

  /** Opens one connection on each of this client's loops and waits until each attempt has ended. */
  @Override
  public void warmUp(Duration timeout) {
    CountDownLatch attempts = new CountDownLatch(pools.length);
    for (LoopPool p : pools) {
      try {
        p.loop.execute(() -> p.preconnect().addListener(done -> attempts.countDown()));
      } catch (RejectedExecutionException e) {
        attempts.countDown();
      }
    }
    try {
      attempts.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public ClientStats stats() {
    int open = 0;
    int idle = 0;
    long waited = 0;
    long dropped = 0;
    long connectFailures = 0;
    for (LoopPool p : pools) {
      ClientStats s = p.stats();
      open += s.openConnections();
      idle += s.idleConnections();
      waited += s.waitedForConnection();
      dropped += s.dropped();
      connectFailures += s.connectFailures();
    }
    return new ClientStats(open, idle, waited, dropped, connectFailures);
  }

  /**
   * Closes every connection and completes every request waiting or in flight with {@code DROPPED}.
   * Called off the group's loops, it returns once that is done (or after 10 s).
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    List<Future<?>> done = new ArrayList<>(pools.length);
    for (LoopPool p : pools) {
      if (p.loop.inEventLoop()) {
        p.close();
      } else {
        try {
          done.add(p.loop.submit(p::close));
        } catch (RejectedExecutionException e) {
          // The loop is gone, and its connections with it.
        }
      }
    }
    if (!onOneOfTheLoops()) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CLOSE_WAIT_SECONDS);
      for (Future<?> f : done) {
        f.awaitUninterruptibly(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    }
  }

  private boolean onOneOfTheLoops() {
    for (EventExecutor e : group) {
      if (e.inEventLoop()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "NettyTargetClient" + stats();
  }

}
