package dev.replaytwin.junit.internal;

import dev.replaytwin.core.Header;
import dev.replaytwin.core.HttpResponse;
import dev.replaytwin.core.run.TraceIds;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A twin that answers every replayed request with the response the capture recorded for it: the
 * baseline of a test that has no baseline service. The replayer marks each request with a
 * {@code traceparent} derived from its exchange id, so the answer is found without any shared
 * state, and the run directory, the comparison and the reports are those of any other replay.
 *
 * <p>A request production never answered (timeout, reset) gets its connection closed; a request the
 * capture does not hold (it cannot happen unless the replayer's trace header was removed) gets a 502
 * saying so, which the verdict then shows as a baseline failure.
 */
public final class RecordedTwin implements AutoCloseable {
  private static final int MAX_REQUEST_BODY = 16 << 20;

  private final EventLoopGroup group;
  private final Channel server;
  private final AtomicLong unknown;

  private RecordedTwin(EventLoopGroup group, Channel server, AtomicLong unknown) {
    this.group = group;
    this.server = server;
    this.unknown = unknown;
  }

  /** Starts serving on a free loopback port. */
  public static RecordedTwin start(RecordedResponses responses) throws InterruptedException {
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("twin-recorded", true),
        NioIoHandler.newFactory());
    AtomicLong unknown = new AtomicLong();
    try {
      Channel server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
          .childHandler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
              ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_REQUEST_BODY),
                  new Answer(responses, unknown));
            }
          }).bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
      return new RecordedTwin(group, server, unknown);
    } catch (InterruptedException | RuntimeException e) {
      group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      throw e;
    }
  }

  /** {@code http://127.0.0.1:<port>}. */
  public URI url() {
    InetSocketAddress a = (InetSocketAddress) server.localAddress();
    return URI.create("http://" + a.getAddress().getHostAddress() + ":" + a.getPort());
  }

  /** Requests that carried no trace id the capture knows. */
  public long unknownRequests() {
    return unknown.get();
  }

  @Override
  public void close() {
    server.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }

  private static final class Answer extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final RecordedResponses responses;
    private final AtomicLong unknown;

    Answer(RecordedResponses responses, AtomicLong unknown) {
      this.responses = responses;
      this.unknown = unknown;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
      String traceId = TraceIds.traceIdOf(request.headers().get(TraceIds.HEADER)).orElse("");
      RecordedResponses.Recorded recorded = responses.forTraceId(traceId);
      if (recorded == null) {
        unknown.incrementAndGet();
        byte[] why = ("replaytwin: no recorded response for this request (traceparent "
            + request.headers().get(TraceIds.HEADER) + ")").getBytes(StandardCharsets.UTF_8);
        send(ctx, request, new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_GATEWAY,
            Unpooled.wrappedBuffer(why)), why.length);
        return;
      }
      HttpResponse r = recorded.response();
      if (r == null) {
        // Production never answered this one; a closed connection is the nearest thing.
        ctx.close();
        return;
      }
      byte[] body = request.method().equals(HttpMethod.HEAD) ? new byte[0] : r.body().toByteArray();
      FullHttpResponse out = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(r.status()),
          Unpooled.wrappedBuffer(body));
      for (Header h : r.headers().entries()) {
        if (RecordedResponses.replayable(h)) {
          out.headers().add(h.name(), h.value());
        }
      }
      send(ctx, request, out, request.method().equals(HttpMethod.HEAD) ? r.body().originalLength() : body.length);
    }

    private static void send(ChannelHandlerContext ctx, FullHttpRequest request, FullHttpResponse out, long length) {
      int status = out.status().code();
      if (status >= 200 && status != 204 && status != 304) {
        out.headers().set(HttpHeaderNames.CONTENT_LENGTH, length);
      }
      boolean keepAlive = HttpUtil.isKeepAlive(request);
      HttpUtil.setKeepAlive(out, keepAlive);
      var written = ctx.writeAndFlush(out);
      if (!keepAlive) {
        written.addListener(ChannelFutureListener.CLOSE);
      }
    }
  }
}
