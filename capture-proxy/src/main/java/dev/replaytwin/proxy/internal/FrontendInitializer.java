package dev.replaytwin.proxy.internal;

import dev.replaytwin.core.Nullable;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.flow.FlowControlHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * The client-side pipeline: TLS when terminating, the HTTP/1.1 codec, a flow-control handler so
 * each {@code read()} yields one message (pipelined requests wait their turn), an idle timer, and
 * the {@link FrontendHandler}.
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
        .addLast(new IdleStateHandler(0, 0, rt.options.clientIdleTimeout().toMillis(), TimeUnit.MILLISECONDS))
        .addLast(new FrontendHandler(rt, listener));
  }
}
