package dev.replaytwin.proxy.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpObject;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The upstream side of a connection: hands what the upstream sends to the frontend exchange that
 * currently owns the connection. A pooled connection has no owner; anything it receives then is
 * unexpected and closes it.
 */
final class BackendHandler extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(BackendHandler.class);
  private final UpstreamPool pool;
  private FrontendHandler owner;

  BackendHandler(UpstreamPool pool) {
    this.pool = pool;
  }

  void attach(FrontendHandler frontend) {
    this.owner = frontend;
  }

  void detach() {
    this.owner = null;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (owner != null && msg instanceof HttpObject http) {
      owner.onUpstreamObject(http);
    } else {
      ReferenceCountUtil.release(msg);
      ctx.close();
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    if (owner != null) {
      owner.onUpstreamReadComplete();
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (owner != null && ctx.channel().isWritable()) {
      owner.onUpstreamWritable();
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    pool.remove(ctx.channel());
    FrontendHandler o = owner;
    owner = null;
    if (o != null) {
      o.onUpstreamClosed(ctx.channel());
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.debug("upstream connection {} failed", ctx.channel(), cause);
    ctx.close();
  }
}
