package dev.replaytwin.replay.internal;

import dev.replaytwin.replay.internal.client.NettyTargetClient;
import dev.replaytwin.replay.internal.client.OutgoingRequest;
import dev.replaytwin.replay.internal.client.TargetClient;
import dev.replaytwin.replay.internal.client.TargetClientOptions;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Warms the replayer's data path before {@code t0} without sending anything to a target: a few
 * thousand requests, built like the first one of the replay, go through the same client code to a
 * throwaway server inside the replayer on loopback. Without it, the first second of a replay runs
 * cold code (interpreted, not yet compiled), answers come slowly, connections pile up, and the
 * first requests go out hundreds of milliseconds late.
 */
final class SelfWarmUp {
  static final int REQUESTS = 4_000;
  private static final int IN_FLIGHT = 32;
  private static final byte[] BODY = "{\"warm\":true}".getBytes(StandardCharsets.UTF_8);

  private SelfWarmUp() {}

  /** Runs the warm-up for at most {@code budgetMillis}; any failure just ends it early. */
  static void run(EventLoopGroup group, OutgoingRequest sample, long budgetMillis) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(budgetMillis);
    Channel server = null;
    try {
      server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
          .childHandler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
              ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20), new Answer());
            }
          }).bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
      int port = ((InetSocketAddress) server.localAddress()).getPort();
      TargetClientOptions options = TargetClientOptions.of(URI.create("http://127.0.0.1:" + port))
          .withMaxConnections(8);
      try (TargetClient client = NettyTargetClient.create(options, group)) {
        Semaphore slots = new Semaphore(IN_FLIGHT);
        for (int i = 0; i < REQUESTS && System.nanoTime() < deadline; i++) {
          if (!slots.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            break;
          }
          client.send(sample, r -> slots.release());
        }
        slots.tryAcquire(IN_FLIGHT, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // A warm-up that cannot run costs only a colder start.
    } finally {
      if (server != null) {
        server.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
      }
    }
  }

  private static final class Answer extends SimpleChannelInboundHandler<FullHttpRequest> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
      FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
          Unpooled.wrappedBuffer(BODY));
      response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json")
          .setInt(HttpHeaderNames.CONTENT_LENGTH, BODY.length);
      ctx.writeAndFlush(response);
    }
  }
}
