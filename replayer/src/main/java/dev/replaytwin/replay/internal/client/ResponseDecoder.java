package dev.replaytwin.replay.internal.client;

import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpResponseDecoder;

/**
 * Netty's response decoder, told by its connection whether the request in flight is a HEAD, whose
 * response has no body whatever its framing fields say. (HttpClientCodec learns that from the
 * requests its encoder sees; ours are written as bytes.) Response fields are only read, so they
 * are not validated.
 */
final class ResponseDecoder extends HttpResponseDecoder {
  private boolean head;

  ResponseDecoder() {
    super(new HttpDecoderConfig()
        .setMaxInitialLineLength(16 * 1024)
        .setMaxHeaderSize(64 * 1024)
        .setMaxChunkSize(64 * 1024)
        .setHeadersFactory(DefaultHttpHeadersFactory.headersFactory().withValidation(false))
        .setTrailersFactory(DefaultHttpHeadersFactory.trailersFactory().withValidation(false)));
  }

  /** Whether the next response answers a HEAD. */
  void expectHead(boolean head) {
    this.head = head;
  }

  @Override
  protected boolean isContentAlwaysEmpty(HttpMessage msg) {
    return head || super.isContentAlwaysEmpty(msg);
  }
}
