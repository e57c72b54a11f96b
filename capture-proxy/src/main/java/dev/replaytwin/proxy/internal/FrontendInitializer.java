package dev.replaytwin.proxy.internal;

import dev.replaytwin.core.Nullable;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.flow.FlowControlHandler;
import io.netty.handler.ssl.SslContext;

/**
 * The client-side pipeline: TLS when terminating, the HTTP/1.1 codec, a flow-control handler so
 * each {@code read()} yields one message (pipelined requests wait their turn), and the {@link FrontendHandler}
 * (which also keeps the idle timeout).
 */
public final class FrontendInitializer extends ChannelInitializer<SocketChannel> {
  private final ProxyRuntime rt;
  private final Listener listener;
  private final @Nullable SslContext tls;

  public FrontendInitializer(ProxyRuntime rt, Listener listener, @Nullable SslContext tls) {
    this.rt = rt;
    this.listener = listener;
    this.tls = tls;
  }

  @Override
  protected void initChannel(SocketChannel ch) {
    if (tls != null) {
      ch.pipeline().addLast(tls.newHandler(ch.alloc()));
    }
    HttpDecoderConfig decoder = new HttpDecoderConfig()
        .setMaxInitialLineLength(rt.options.maxInitialLineBytes())
        .setMaxHeaderSize(rt.options.maxHeaderBytes())
        .setMaxChunkSize(64 * 1024);
    ch.pipeline()
        .addLast(new HttpServerCodec(decoder))
        .addLast(new FlowControlHandler())
        .addLast(new FrontendHandler(rt, listener));
  }
}
