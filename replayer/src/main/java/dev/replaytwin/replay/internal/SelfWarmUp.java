package dev.replaytwin.replay.internal;

import dev.replaytwin.replay.ReplayOptions;
import dev.replaytwin.replay.Target;
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
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
  private static final long IN_FLIGHT = 32;
  private static final byte[] BODY = "{\"warm\":true}".getBytes(StandardCharsets.UTF_8);

  private SelfWarmUp() {}

  /**
   * Runs the warm-up for at most {@code budgetMillis}; any failure just ends it early. The
   * requests go through a throwaway {@link TargetRun}, so the code that records latencies and
   * writes outcomes is warmed too; its files go to a temporary directory, removed afterwards.
   */
  static void run(EventLoopGroup group, Planned first, RequestBuilder builder, ReplayOptions options,
      long budgetMillis) {
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
      Target target = new Target("warm-up", URI.create("http://127.0.0.1:" + port), true);
      TargetClientOptions clientOptions = TargetClientOptions.of(target.url()).withMaxConnections(8);
      Path scratch = Files.createTempDirectory("twin-warm-up");
      try (TargetClient client = NettyTargetClient.create(clientOptions, group)) {
        OutcomeSink sink = new OutcomeSink();
        OutcomeSink.Channel outcomes = sink.open(scratch.resolve("outcomes.jsonl.zst"));
        sink.start();
        ReplayClock clock = ReplayClock.startingAt(ReplayClock.epochNanos(java.time.Instant.now()));
        try (LatencyLog latency = new LatencyLog(scratch.resolve("l.hlog"), scratch.resolve("s.hlog"),
            clock.t0EpochNanos() / 1_000_000)) {
          TargetRun run = new TargetRun(target, client, builder, latency, outcomes, clock,
              new SendLag(options.lagBound().toNanos()), options);
          OutgoingRequest prepared = builder.build(first, Map.of());
          for (int i = 0; i < REQUESTS && System.nanoTime() < deadline; i++) {
            while (run.inFlight() >= IN_FLIGHT && System.nanoTime() < deadline) {
              Thread.onSpinWait();
            }
            run.dispatch(first, System.nanoTime(), prepared);
          }
          while (run.inFlight() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(1);
          }
          latency.writeInterval(clock.t0EpochNanos() / 1_000_000, clock.t0EpochNanos() / 1_000_000 + 1);
        } finally {
          sink.close();
        }
      } finally {
        deleteQuietly(scratch);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | IOException e) {
      // A warm-up that cannot run costs only a colder start.
    } finally {
      if (server != null) {
        server.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
      }
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // A temporary directory left behind is harmless.
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
