package dev.replaytwin.replay.internal.client;

import dev.replaytwin.core.Nullable;
import dev.replaytwin.core.run.ErrorKind;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One keep-alive connection to the target and the exchange it carries, one at a time. It writes
 * each request as bytes ({@link RequestFactory}), sits after the {@link ResponseDecoder}, streams each response body into a {@link ResponseBody}, and
 * hands the connection back to its {@link LoopPool} after a response that leaves it reusable. Reads
 * stay on while the connection is idle, so a target closing it is noticed at once.
 *
 * <p>The response timeout is one timer per connection, not per request: when it fires before the
 * current exchange's deadline, it is set again for the rest.
 */
final class TargetConnection extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(TargetConnection.class);

  private final LoopPool pool;
  private final ResponseDecoder decoder;
  private final ResponseBody body;
  private final Runnable onTimer = this::checkTimeout;
  private @Nullable Channel channel;
  private int uses;
  /** The request this connection was opened for, until it is ready. */
  @Nullable Exchange pending;
  private @Nullable Exchange x;
  private @Nullable ScheduledFuture<?> timer;
  private @Nullable Throwable failure;

  private boolean headReceived;
  private boolean informational;
  private boolean noBody;
  private boolean keepAlive;
  private int status;
  private HttpHeaders headers = EmptyHttpHeaders.INSTANCE;
  private String contentType = "";

  TargetConnection(LoopPool pool, ResponseDecoder decoder, int bodyCap) {
    this.pool = pool;
    this.decoder = decoder;
    this.body = new ResponseBody(bodyCap);
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    channel = ctx.channel();
  }

  boolean isActive() {
    return channel != null && channel.isActive();
  }

  void close() {
    if (channel != null) {
      channel.close();
    }
  }

  /** Writes {@code e}'s request; the connection must be open and carry no other exchange. */
  void send(Exchange e) {
    x = e;
    uses++;
    decoder.expectHead(e.isHead());
    ByteBuf request = pool.requests.encode(e.request, channel.alloc());
    long now = System.nanoTime();
    e.sentNanoTime = now;
    e.deadlineNanoTime = now + pool.responseTimeoutNanos;
    e.written(now);
    if (timer == null) {
      timer = channel.eventLoop().schedule(onTimer, pool.responseTimeoutNanos, TimeUnit.NANOSECONDS);
    }
    // A failed write reaches exceptionCaught through the void promise, and the close that follows
    // ends or retries the exchange.
    channel.writeAndFlush(request, channel.voidPromise());
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      Exchange e = x;
      if (e == null) {
        // Nothing was asked on this connection: whatever the target says is out of step.
        ctx.close();
        return;
      }
      if (msg instanceof HttpResponse response) {
        onHead(e, response);
      }
      if (msg instanceof HttpContent content && x == e) {
        onContent(e, content);
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  private void onHead(Exchange e, HttpResponse response) {
    if (response.decoderResult().isFailure()) {
      failAndClose(ErrorKind.PROTOCOL, "malformed response: " + Failures.detail(response.decoderResult().cause()));
      return;
    }
    int code = response.status().code();
    if (code >= 100 && code < 200 && code != 101) {
      informational = true;
      return;
    }
    headReceived = true;
    status = code;
    headers = response.headers();
    contentType = headers.get(HttpHeaderNames.CONTENT_TYPE, "");
    keepAlive = code != 101 && HttpUtil.isKeepAlive(response);
    noBody = code == 101 || code == 204 || code == 304 || e.isHead();
    body.start(noBody ? 0 : HttpUtil.getContentLength(response, -1L));
  }

  private void onContent(Exchange e, HttpContent content) {
    if (informational) {
      informational = !(content instanceof LastHttpContent);
      return;
    }
    if (content.decoderResult().isFailure()) {
      failAndClose(ErrorKind.PROTOCOL, "malformed response: " + Failures.detail(content.decoderResult().cause()));
      return;
    }
    if (!headReceived) {
      return;
    }
    body.add(content.content());
    if (content instanceof LastHttpContent) {
      complete(e);
    }
  }

  private void complete(Exchange e) {
    long end = System.nanoTime();
    ClientResponse r = noBody
        ? new ClientResponse(e.sentNanoTime, end, status, ErrorKind.NONE, "", -1, "", contentType,
            ClientResponse.NO_BODY, false, headers)
        : new ClientResponse(e.sentNanoTime, end, status, ErrorKind.NONE, "", body.size(), body.digest(),
            contentType, body.kept(), body.truncated(), headers);
    boolean reuse = keepAlive && channel.isActive();
    endExchange();
    if (reuse) {
      pool.release(this);
    } else {
      channel.close();
    }
    e.complete(r);
  }

  /** Ends the exchange in flight without a whole response, and the connection with it. */
  private void failAndClose(ErrorKind kind, String detail) {
    Exchange e = x;
    int s = status;
    HttpHeaders h = headers;
    endExchange();
    channel.close();
    e.complete(ClientResponse.failed(e.sentNanoTime, System.nanoTime(), s, h, kind, detail));
  }

  private void endExchange() {
    x = null;
    headReceived = false;
    informational = false;
    status = 0;
    headers = EmptyHttpHeaders.INSTANCE;
    contentType = "";
  }

  private void checkTimeout() {
    timer = null;
    Exchange e = x;
    if (e == null) {
      return;
    }
    long left = e.deadlineNanoTime - System.nanoTime();
    if (left > 0) {
      timer = channel.eventLoop().schedule(onTimer, left, TimeUnit.NANOSECONDS);
      return;
    }
    failAndClose(ErrorKind.TIMEOUT, "no whole response within " + pool.responseTimeoutNanos / 1_000_000 + " ms");
  }

  /** Fails whatever this connection holds with {@code DROPPED} and closes it (the client is closing). */
  void abort(String detail) {
    Exchange p = pending;
    pending = null;
    if (p != null) {
      pool.drop(p, detail);
    }
    Exchange e = x;
    endExchange();
    if (e != null) {
      pool.drop(e, detail);
    }
    close();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
    Exchange e = x;
    boolean started = headReceived || informational;
    int s = status;
    HttpHeaders h = headers;
    endExchange();
    if (e != null) {
      if (!started && uses > 1 && !e.retried && e.isRetryable()) {
        // A pooled connection the target had closed just as we reused it: the request never got
        // there, so it goes again on a fresh connection.
        e.retried = true;
        e.sentNanoTime = -1;
        pool.retry(e);
      } else {
        ErrorKind kind = failure == null ? ErrorKind.RESET : Failures.kindOf(failure);
        String detail = failure != null ? Failures.detail(failure)
            : started ? "connection closed before the whole response" : "connection closed before any response";
        e.complete(ClientResponse.failed(e.sentNanoTime, System.nanoTime(), s, h, kind, detail));
      }
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.debug("connection {} failed", ctx.channel(), cause);
    if (failure == null) {
      failure = cause;
    }
    ctx.close();
  }
}
