package dev.replaytwin.replay.internal.client;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.replaytwin.core.Headers;
import dev.replaytwin.core.run.ErrorKind;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One connection's handler between Netty's client codec and its pool, on an EmbeddedChannel. */
class TargetConnectionTest {
  private final Responses responses = new Responses();
  private EmbeddedChannel channel;
  private LoopPool pool;
  private TargetConnection connection;

  @AfterEach
  void nothingLeftOver() {
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }

  @Test
  void writesTheRequestWithTheTargetsHostAndPathPrefix() {
    connect(64);

    String wire = send(new OutgoingRequest("PUT", "/items/1", Headers.of("Host", "prod", "Accept", "*/*"),
        "{}".getBytes(UTF_8)));

    assertThat(wire).isEqualTo("PUT /api/items/1 HTTP/1.1\r\nHost: twin:8080\r\nAccept: */*\r\nContent-Length: 2\r\n\r\n{}");
  }

  @Test
  void digestsAChunkedBodyAndKeepsItsPrefix() throws Exception {
    connect(4);
    send(OutgoingRequest.of("GET", "/"));

    receive("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/plain\r\n\r\n");
    receive("3\r\nabc\r\n");
    receive("4\r\ndefg\r\n0\r\n\r\n");

    ClientResponse r = responses.take();
    assertThat(r.error()).isEqualTo(ErrorKind.NONE);
    assertThat(r.bodySize()).isEqualTo(7);
    assertThat(r.bodyDigest()).isEqualTo(NettyTargetClientIT.sha256("abcdefg".getBytes(UTF_8)));
    assertThat(new String(r.cappedBody(), UTF_8)).isEqualTo("abcd");
    assertThat(r.bodyTruncated()).isTrue();
    assertThat(r.contentType()).isEqualTo("text/plain");
    assertThat(r.sentNanoTime()).isPositive().isLessThanOrEqualTo(r.endNanoTime());
    assertThat(pool.stats().idleConnections()).isEqualTo(1);
  }

  @Test
  void ignoresInformationalResponsesBeforeTheFinalOne() throws Exception {
    connect(64);
    send(OutgoingRequest.of("GET", "/"));

    receive("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n");
    receive("HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok");

    ClientResponse r = responses.take();
    assertThat(r.status()).isEqualTo(201);
    assertThat(new String(r.cappedBody(), UTF_8)).isEqualTo("ok");
  }

  @Test
  void endsABodyDelimitedByCloseWhenTheTargetCloses() throws Exception {
    connect(64);
    send(OutgoingRequest.of("GET", "/"));

    receive("HTTP/1.0 200 OK\r\n\r\nuntil the end");
    assertThat(responses.size()).isZero();
    channel.close();

    ClientResponse r = responses.take();
    assertThat(r.error()).isEqualTo(ErrorKind.NONE);
    assertThat(new String(r.cappedBody(), UTF_8)).isEqualTo("until the end");
    assertThat(pool.stats().idleConnections()).isZero();
  }

  @Test
  void closesAfterAnHttp10ResponseWithoutKeepAlive() throws Exception {
    connect(64);
    send(OutgoingRequest.of("GET", "/"));

    receive("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok");

    assertThat(responses.take().error()).isEqualTo(ErrorKind.NONE);
    assertThat(channel.isOpen()).isFalse();
    assertThat(pool.stats().idleConnections()).isZero();
  }

  @Test
  void closesAfterAResponseThatSaysConnectionClose() throws Exception {
    connect(64);
    send(OutgoingRequest.of("GET", "/"));

    receive("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok");

    assertThat(responses.take().error()).isEqualTo(ErrorKind.NONE);
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void givesAHeadResponseNoBodyDespiteItsContentLength() throws Exception {
    connect(64);
    send(OutgoingRequest.of("HEAD", "/"));

    receive("HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\n");

    ClientResponse r = responses.take();
    assertThat(r.bodySize()).isEqualTo(-1);
    assertThat(r.bodyDigest()).isEmpty();
    assertThat(r.headers().get("Content-Length")).isEqualTo("50");
    assertThat(pool.stats().idleConnections()).isEqualTo(1);
  }

  @Test
  void expectsABodyAgainAfterTheHeadResponse() throws Exception {
    connect(64);
    send(OutgoingRequest.of("HEAD", "/"));
    receive("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\n");
    responses.take();

    send(OutgoingRequest.of("GET", "/"));
    receive("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nbody");

    ClientResponse r = responses.take();
    assertThat(r.bodySize()).isEqualTo(4);
    assertThat(new String(r.cappedBody(), UTF_8)).isEqualTo("body");
  }

  @Test
  void reportsACloseMidBodyAsResetWithTheStatusThatCame() throws Exception {
    connect(64);
    send(OutgoingRequest.of("GET", "/"));

    receive("HTTP/1.1 503 Busy\r\nContent-Length: 10\r\n\r\npart");
    channel.close();

    ClientResponse r = responses.take();
    assertThat(r.error()).isEqualTo(ErrorKind.RESET);
    assertThat(r.errorDetail()).isEqualTo("connection closed before the whole response");
    assertThat(r.status()).isEqualTo(503);
  }

  @Test
  void reportsAMalformedStatusLineAsProtocolErrorAndCloses() throws Exception {
    connect(64);
    send(OutgoingRequest.of("GET", "/"));

    receive("HTTP/1.1 2x0 Hmm\r\nContent-Length: 0\r\n\r\n");

    assertThat(responses.take().error()).isEqualTo(ErrorKind.PROTOCOL);
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void closesAConnectionThatSpeaksWhenNothingWasAsked() {
    connect(64);

    receive("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");

    assertThat(channel.isOpen()).isFalse();
  }

  private void connect(int bodyCap) {
    channel = new EmbeddedChannel();
    TargetClientOptions options = TargetClientOptions.of(URI.create("http://twin:8080/api")).withBodyCap(bodyCap);
    pool = new LoopPool(channel.eventLoop(), options, new InetSocketAddress(InetAddress.getLoopbackAddress(), 8080),
        "", null, 4, 4);
    ResponseDecoder decoder = new ResponseDecoder();
    connection = new TargetConnection(pool, decoder, bodyCap);
    channel.pipeline().addLast(decoder, connection);
  }

  /** Sends {@code request} and returns what went on the wire. */
  private String send(OutgoingRequest request) {
    connection.send(new Exchange(pool, request, responses));
    StringBuilder wire = new StringBuilder();
    for (ByteBuf b; (b = channel.readOutbound()) != null; ) {
      wire.append(b.toString(ISO_8859_1));
      b.release();
    }
    return wire.toString();
  }

  private void receive(String raw) {
    channel.writeInbound(Unpooled.copiedBuffer(raw, ISO_8859_1));
  }
}
