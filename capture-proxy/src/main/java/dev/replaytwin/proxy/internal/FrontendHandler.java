package dev.replaytwin.proxy.internal;

import dev.replaytwin.core.HttpMethods;
import dev.replaytwin.core.Nullable;
import dev.replaytwin.proxy.internal.Listener.Resolved;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client side of the proxy: one exchange at a time per client connection (pipelined requests
 * wait in the {@code FlowControlHandler} until the previous response is sent). Reads are driven by
 * writes in both directions: the client is read again when the upstream can take more, the
 * upstream when the client can.
 */
final class FrontendHandler extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(FrontendHandler.class);
  /** Fired on each client pipeline when the proxy starts its graceful shutdown. */
  static final Object DRAIN = new Object();

  private final ProxyRuntime rt;
  private final Listener listener;
  private ChannelHandlerContext ctx;
  private String clientAddress = "";
  private boolean clientTls;
  private boolean clientReadWanted;
  private long lastClientActivity;
  private ScheduledFuture<?> idleCheck;
  private Exchange x;

  /** State of the exchange in flight on this connection. */
  private static final class Exchange {
    Resolved route;
    HttpRequest head;
    ExchangeRecorder recorder;
    long startNanos;
    boolean expectContinue;
    boolean upgrade;
    boolean http10;
    boolean closeClient;
    HttpContent firstContent;
    Channel upstream;
    BackendHandler backend;
    boolean requestDone;
    boolean retried;
    boolean informational;
    boolean responseStarted;
    boolean responseDone;
    boolean upstreamKeepAlive;
    boolean waitingForUpstream;
    boolean waitingForClient;
    int status;
    long lastUpstreamActivity;
    ScheduledFuture<?> timeout;
  }

  FrontendHandler(ProxyRuntime rt, Listener listener) {
    this.rt = rt;
    this.listener = listener;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    if (ctx.channel().remoteAddress() instanceof InetSocketAddress a) {
      clientAddress = a.getAddress().getHostAddress();
    }
    clientTls = ctx.pipeline().get(SslHandler.class) != null;
    rt.clients.add(ctx.channel());
    lastClientActivity = System.nanoTime();
    scheduleIdleCheck(rt.options.clientIdleTimeout().toNanos());
    readClient();
  }

  /**
   * The client idle timeout, kept here rather than by an IdleStateHandler, which would put a
   * listener on every write: one timer per connection, re-armed from the last activity. Only a
   * client that owes us something (its next request, or the rest of a body) is timed; while the
   * upstream is answering, the upstream timeout applies instead.
   */
  private void scheduleIdleCheck(long delayNanos) {
    idleCheck = ctx.executor().schedule(this::checkIdle, delayNanos, TimeUnit.NANOSECONDS);
  }

  private void checkIdle() {
    if (!ctx.channel().isActive()) {
      return;
    }
    long timeout = rt.options.clientIdleTimeout().toNanos();
    long idle = System.nanoTime() - lastClientActivity;
    Exchange e = x;
    boolean clientOwesUs = e == null || (!e.requestDone && !e.expectContinue);
    if (clientOwesUs && idle >= timeout) {
      if (e != null) {
        abort();
      } else {
        ctx.close();
      }
      return;
    }
    scheduleIdleCheck(clientOwesUs ? timeout - idle : timeout);
  }

  /**
   * Asks for the next message from the client. FlowControlHandler counts a read as satisfied by a
   * read cycle that ends without a message for us, so a wanted read is renewed in
   * {@link #channelReadComplete}.
   */
  private void readClient() {
    clientReadWanted = true;
    ctx.read();
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    if (clientReadWanted) {
      ctx.read();
    }
    ctx.fireChannelReadComplete();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    clientReadWanted = false;
    lastClientActivity = System.nanoTime();
    if (msg instanceof HttpRequest request) {
      onRequestHead(request);
    } else if (msg instanceof HttpContent content) {
      onRequestContent(content);
    } else {
      ReferenceCountUtil.release(msg);
    }
  }

  // ---- client -> upstream ----

  private void onRequestHead(HttpRequest request) {
    if (request.decoderResult().isFailure()) {
      ReferenceCountUtil.release(request);
      Throwable cause = request.decoderResult().cause();
      reject(statusFor(cause), "bad request: " + cause.getMessage(), reasonFor(cause));
      return;
    }
    if (x != null) {
      ReferenceCountUtil.release(request);
      ctx.close();
      return;
    }
    int hosts = request.headers().getAll(HttpHeaderNames.HOST).size();
    if (hosts > 1 || (hosts == 0 && !request.protocolVersion().equals(HttpVersion.HTTP_1_0))) {
      // RFC 9112 3.2: a server must refuse these; passed on, the upstream might pick another host.
      reject(HttpResponseStatus.BAD_REQUEST,
          hosts > 1 ? "more than one Host field" : "no Host field (HTTP/1.1 requires one)", "host");
      return;
    }
    String expect = request.headers().get(HttpHeaderNames.EXPECT);
    if (expect != null && !HttpHeaderValues.CONTINUE.contentEqualsIgnoreCase(expect.trim())) {
      reject(HttpResponseStatus.EXPECTATION_FAILED, "unsupported Expect: " + expect, "expectation");
      return;
    }
    Resolved route = listener.resolve(request);
    if (route == null) {
      reject(HttpResponseStatus.BAD_GATEWAY,
          "no route for " + request.headers().get(HttpHeaderNames.HOST, "") + request.uri()
              + " (egress routes are chosen by Host or first path segment)", "no_route");
      return;
    }
    Exchange e = new Exchange();
    e.route = route;
    e.startNanos = rt.clock.nowNanos();
    e.expectContinue = expect != null;
    e.upgrade = HeaderRules.isUpgrade(request.headers());
    e.http10 = request.protocolVersion().equals(HttpVersion.HTTP_1_0);
    e.closeClient = !HttpUtil.isKeepAlive(request) || rt.draining();
    e.head = HeaderRules.forUpstream(request, route.pool().route(), route.target(), rt.options.forwarded(),
        clientAddress, clientTls, e.upgrade, route.rewriteHost());
    if (rt.tap != null && rt.sampler.keep(request)) {
      e.recorder = new ExchangeRecorder(rt.nextId(), e.startNanos, ctx.channel().id().asShortText(),
          route.dependency(), e.head, request.protocolVersion().text(), rt.options.captureBodyLimit());
    }
    x = e;
    if (e.expectContinue) {
      acquireUpstream(false);
    } else {
      readClient();
    }
  }

  private void onRequestContent(HttpContent content) {
    Exchange e = x;
    if (e == null || e.requestDone) {
      // Left over from an exchange that already ended (response came early); not forwardable.
      content.release();
      return;
    }
    if (content.decoderResult().isFailure()) {
      content.release();
      Throwable cause = content.decoderResult().cause();
      if (e.responseStarted) {
        rt.metrics.rejected(reasonFor(cause));
        abort();
      } else {
        // The upstream got at most part of the request; the client still gets told why.
        endExchange();
        reject(statusFor(cause), "bad request body: " + cause.getMessage(), reasonFor(cause));
      }
      return;
    }
    rt.metrics.requestBytes(content.content().readableBytes());
    if (e.recorder != null) {
      e.recorder.requestContent(content.content());
    }
    boolean last = content instanceof LastHttpContent;
    if (e.upstream == null) {
      e.firstContent = content;
      if (!e.expectContinue) {
        acquireUpstream(false);
      }
      return;
    }
    if (last) {
      e.requestDone = true;
    }
    e.upstream.writeAndFlush(content).addListener(CLOSE_UPSTREAM_ON_FAILURE);
    if (last) {
      armTimeout();
    } else {
      readClientWhenUpstreamWritable();
    }
  }

  private void acquireUpstream(boolean fresh) {
    Future<Channel> f = x.route.pool().acquire(ctx.channel().eventLoop(), fresh);
    Exchange e = x;
    if (f.isDone()) {
      onUpstreamAcquired(e, f);
    } else {
      f.addListener(done -> onUpstreamAcquired(e, f));
    }
  }

  private void onUpstreamAcquired(Exchange e, Future<Channel> f) {
    if (x != e) {
      // The client went away while we were connecting.
      if (f.isSuccess()) {
        f.getNow().close();
      }
      return;
    }
    if (!f.isSuccess()) {
      Throwable cause = f.cause();
      boolean timedOut = cause instanceof ConnectTimeoutException;
      rt.metrics.upstreamError(timedOut ? "connect_timeout" : "connect_failed");
      failExchange(timedOut ? HttpResponseStatus.GATEWAY_TIMEOUT : HttpResponseStatus.BAD_GATEWAY,
          (timedOut ? "upstream connect timed out: " : "upstream connection failed: ")
              + e.route.pool().route().authority());
      return;
    }
    Channel ch = f.getNow();
    e.upstream = ch;
    e.backend = ch.pipeline().get(BackendHandler.class);
    e.backend.attach(this);
    ch.write(e.head).addListener(CLOSE_UPSTREAM_ON_FAILURE);
    HttpContent first = e.firstContent;
    e.firstContent = null;
    boolean last = first instanceof LastHttpContent;
    if (first != null) {
      ch.write(first).addListener(CLOSE_UPSTREAM_ON_FAILURE);
    }
    ch.flush();
    ch.read();
    if (last) {
      e.requestDone = true;
      armTimeout();
    } else if (first != null || e.expectContinue) {
      if (e.expectContinue) {
        // Until the upstream answers the expectation, a silent upstream is timed like any other.
        armTimeout();
      }
      readClientWhenUpstreamWritable();
    }
  }

  private void readClientWhenUpstreamWritable() {
    if (x.upstream.isWritable()) {
      readClient();
    } else {
      x.waitingForUpstream = true;
    }
  }

  void onUpstreamWritable() {
    Exchange e = x;
    if (e != null && e.waitingForUpstream) {
      e.waitingForUpstream = false;
      readClient();
    }
  }

  // ---- upstream -> client ----

  void onUpstreamObject(HttpObject msg) {
    Exchange e = x;
    e.lastUpstreamActivity = System.nanoTime();
    if (msg instanceof HttpResponse response) {
      onResponseHead(e, response);
    } else if (msg instanceof HttpContent content) {
      onResponseContent(e, content);
    } else {
      ReferenceCountUtil.release(msg);
    }
  }

  private void onResponseHead(Exchange e, HttpResponse response) {
    if (response.decoderResult().isFailure()) {
      ReferenceCountUtil.release(response);
      rt.metrics.upstreamError("invalid_response");
      e.upstream.close();
      return;
    }
    int code = response.status().code();
    if (code / 100 == 1 && code != 101) {
      e.informational = true;
      if (code == 100) {
        // The expectation is met: from here the client owes its body, and idling is timed again.
        e.expectContinue = false;
        lastClientActivity = System.nanoTime();
        if (!e.requestDone) {
          cancelTimeout();
        }
      }
      if (!e.http10) {
        // RFC 9110 15.2: an HTTP/1.0 client gets no 1xx.
        ctx.write(HeaderRules.forClient(response, false, false, false));
      }
      return;
    }
    if (code == 101 && !e.upgrade) {
      rt.metrics.upstreamError("invalid_response");
      e.upstream.close();
      return;
    }
    e.responseStarted = true;
    e.status = code;
    e.upstreamKeepAlive = HttpUtil.isKeepAlive(response);
    if (!e.requestDone || rt.draining()) {
      e.closeClient = true;
    }
    long now = rt.clock.nowNanos();
    rt.metrics.upstreamLatency(now - e.startNanos);
    if (e.recorder != null) {
      e.recorder.responseHead(response, now);
    }
    boolean delimitedByClose = code != 101 && code != 204 && code != 304
        && !e.head.method().equals(HttpMethod.HEAD)
        && !HttpUtil.isContentLengthSet(response) && !HttpUtil.isTransferEncodingChunked(response);
    if (delimitedByClose && e.http10) {
      e.closeClient = true;
    }
    HttpResponse out = HeaderRules.forClient(response, e.closeClient, e.http10, code == 101);
    if (e.http10 && out.headers().contains(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE, true)) {
      e.closeClient = true;
    } else if (delimitedByClose) {
      // The upstream ends this body by closing; a keep-alive client needs it chunked instead.
      HttpUtil.setTransferEncodingChunked(out, true);
    }
    if (code == 101) {
      e.responseDone = true;
      cancelTimeout();
      ctx.writeAndFlush(out).addListener((ChannelFuture f) -> onUpgraded(e, f));
      return;
    }
    ctx.write(out);
  }

  private void onResponseContent(Exchange e, HttpContent content) {
    if (e.informational) {
      if (e.http10) {
        content.release();
      } else {
        ctx.write(content);
      }
      if (content instanceof LastHttpContent) {
        e.informational = false;
      }
      return;
    }
    if (content.decoderResult().isFailure()) {
      content.release();
      rt.metrics.upstreamError("invalid_response");
      e.upstream.close();
      return;
    }
    rt.metrics.responseBytes(content.content().readableBytes());
    if (e.recorder != null) {
      e.recorder.responseContent(content.content());
    }
    if (content instanceof LastHttpContent) {
      e.responseDone = true;
      cancelTimeout();
      ctx.writeAndFlush(content).addListener((ChannelFuture f) -> onResponseWritten(e, f));
    } else {
      ctx.write(content);
    }
  }

  void onUpstreamReadComplete() {
    Exchange e = x;
    ctx.flush();
    if (e == null || e.responseDone) {
      return;
    }
    if (ctx.channel().isWritable()) {
      e.upstream.read();
    } else {
      e.waitingForClient = true;
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    Exchange e = x;
    if (e != null && e.waitingForClient && ctx.channel().isWritable()) {
      e.waitingForClient = false;
      e.upstream.read();
    }
    ctx.fireChannelWritabilityChanged();
  }

  private void onResponseWritten(Exchange e, ChannelFuture written) {
    if (x != e) {
      return;
    }
    x = null;
    lastClientActivity = System.nanoTime();
    rt.metrics.response(e.status);
    record(e, true);
    boolean reusable = e.requestDone && e.upstreamKeepAlive && written.isSuccess();
    e.backend.detach();
    if (reusable) {
      e.route.pool().release(e.upstream);
    } else {
      e.upstream.close();
    }
    if (!written.isSuccess() || e.closeClient) {
      ctx.close();
    } else {
      readClient();
    }
  }

  private void onUpgraded(Exchange e, ChannelFuture written) {
    x = null;
    rt.metrics.response(101);
    record(e, true);
    e.backend.detach();
    if (!written.isSuccess()) {
      e.upstream.close();
      ctx.close();
      return;
    }
    Relay.splice(ctx.channel(), e.upstream);
  }

  /** The upstream connection closed while it carried our exchange. */
  void onUpstreamClosed(Channel upstream) {
    Exchange e = x;
    if (e == null || e.upstream != upstream || e.responseDone) {
      return;
    }
    if (e.responseStarted) {
      rt.metrics.upstreamError("reset_mid_response");
      abort();
      return;
    }
    boolean reused = upstream.attr(UpstreamPool.USES).get() > 0;
    if (reused && !e.retried && e.requestDone && HttpMethods.isIdempotent(e.head.method().name())
        && HttpUtil.getContentLength(e.head, 0L) == 0 && !HttpUtil.isTransferEncodingChunked(e.head)) {
      // A pooled connection the upstream had closed just as we reused it: the request never got
      // there, so sending it again on a fresh connection is what the client would want.
      cancelTimeout();
      e.retried = true;
      e.upstream = null;
      e.requestDone = false;
      e.firstContent = LastHttpContent.EMPTY_LAST_CONTENT;
      acquireUpstream(true);
      return;
    }
    rt.metrics.upstreamError("closed_before_response");
    failExchange(HttpResponseStatus.BAD_GATEWAY, "upstream closed the connection before responding");
  }

  // ---- timeouts, failures, shutdown ----

  private void armTimeout() {
    Exchange e = x;
    e.lastUpstreamActivity = System.nanoTime();
    if (e.timeout == null) {
      long nanos = rt.options.upstreamTimeout().toNanos();
      e.timeout = ctx.executor().schedule(() -> checkTimeout(e), nanos, TimeUnit.NANOSECONDS);
    }
  }

  private void checkTimeout(Exchange e) {
    if (x != e || e.responseDone) {
      return;
    }
    long limit = rt.options.upstreamTimeout().toNanos();
    long idle = System.nanoTime() - e.lastUpstreamActivity;
    if (idle < limit) {
      e.timeout = ctx.executor().schedule(() -> checkTimeout(e), limit - idle, TimeUnit.NANOSECONDS);
      return;
    }
    e.timeout = null;
    rt.metrics.upstreamError("timeout");
    if (e.responseStarted) {
      abort();
    } else {
      failExchange(HttpResponseStatus.GATEWAY_TIMEOUT,
          "upstream did not respond within " + ErrorResponses.describe(rt.options.upstreamTimeout()));
    }
  }

  private void cancelTimeout() {
    if (x != null && x.timeout != null) {
      x.timeout.cancel(false);
      x.timeout = null;
    }
  }

  /** Answers the current exchange with an error before any of the upstream's response was sent. */
  private void failExchange(HttpResponseStatus status, String message) {
    Exchange e = endExchange();
    record(e, false);
    answerAndClose(status, message);
  }

  /** Refuses a request that was never forwarded, and closes the connection. */
  private void reject(HttpResponseStatus status, String message, String reason) {
    rt.metrics.rejected(reason);
    answerAndClose(status, message);
  }

  private void answerAndClose(HttpResponseStatus status, String message) {
    rt.metrics.response(status.code());
    ctx.writeAndFlush(ErrorResponses.closing(ctx.alloc(), status, message))
        .addListener(ChannelFutureListener.CLOSE);
  }

  /** Ends both connections mid-exchange: the client sees what it would see without the proxy. */
  private void abort() {
    Exchange e = endExchange();
    if (e != null && e.responseStarted) {
      record(e, false);
    }
    ctx.close();
  }

  /** Ends the exchange in flight, if any: its timer, what it holds, its upstream connection. */
  private @Nullable Exchange endExchange() {
    Exchange e = x;
    cancelTimeout();
    x = null;
    if (e != null) {
      if (e.firstContent != null) {
        e.firstContent.release();
      }
      if (e.backend != null) {
        e.backend.detach();
      }
      if (e.upstream != null) {
        e.upstream.close();
      }
    }
    return e;
  }

  private void record(Exchange e, boolean responseComplete) {
    if (e.recorder != null) {
      rt.capture(e.recorder.finish(rt.clock.nowNanos(), responseComplete, rt.context),
          e.recorder.retainedBytes());
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt == DRAIN) {
      if (x == null) {
        ctx.close();
      } else {
        x.closeClient = true;
      }
    } else {
      ctx.fireUserEventTriggered(evt);
      return;
    }
    ReferenceCountUtil.release(evt);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (idleCheck != null) {
      idleCheck.cancel(false);
    }
    if (x != null) {
      rt.metrics.clientAbort();
      endExchange();
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.debug("client connection {} failed", ctx.channel(), cause);
    ctx.close();
  }

  private static final ChannelFutureListener CLOSE_UPSTREAM_ON_FAILURE = f -> {
    if (!f.isSuccess()) {
      f.channel().close();
    }
  };

  private static HttpResponseStatus statusFor(Throwable cause) {
    if (cause instanceof TooLongHttpLineException) {
      return HttpResponseStatus.REQUEST_URI_TOO_LONG;
    }
    if (cause instanceof TooLongHttpHeaderException) {
      return HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
    }
    return HttpResponseStatus.BAD_REQUEST;
  }

  private static String reasonFor(Throwable cause) {
    if (cause instanceof TooLongHttpLineException) {
      return "line_too_long";
    }
    if (cause instanceof TooLongHttpHeaderException) {
      return "headers_too_large";
    }
    if (cause instanceof TooLongFrameException) {
      return "too_long";
    }
    return "malformed";
  }
}
