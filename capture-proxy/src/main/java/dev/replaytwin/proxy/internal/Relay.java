package dev.replaytwin.proxy.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslHandler;

/**
 * Bytes both ways after a successful protocol upgrade (WebSocket and the like), as Netty's
 * HexDumpProxy does it: each side is read again only once the other side took the last read.
 */
final class Relay extends ChannelInboundHandlerAdapter {
  private final Channel peer;

  private Relay(Channel peer) {
    this.peer = peer;
  }

  /** Replaces the HTTP handlers of both connections with a byte relay. */
  static void splice(Channel client, Channel upstream) {
    client.pipeline().addLast(new Relay(upstream));
    upstream.pipeline().addLast(new Relay(client));
    stripHttp(client.pipeline());
    stripHttp(upstream.pipeline());
    client.read();
    upstream.read();
  }

  private static void stripHttp(ChannelPipeline pipeline) {
    // Last first, so bytes a decoder still holds go straight to the relay when it is removed.
    java.util.List<String> names = new java.util.ArrayList<>(pipeline.names());
    java.util.Collections.reverse(names);
    for (String name : names) {
      ChannelHandler h = pipeline.get(name);
      if (h != null && !(h instanceof Relay) && !(h instanceof SslHandler)) {
        pipeline.remove(h);
      }
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    // The upstream's decoder may still hand over the empty end of the 101 it was decoding when it
    // was removed; that is no data, and a raw socket cannot write it.
    if (!peer.isActive() || !(msg instanceof ByteBuf)) {
      io.netty.util.ReferenceCountUtil.release(msg);
      return;
    }
    peer.writeAndFlush(msg).addListener((ChannelFutureListener) f -> {
      if (f.isSuccess()) {
        ctx.channel().read();
      } else {
        f.channel().close();
      }
    });
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (peer.isActive()) {
      peer.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
