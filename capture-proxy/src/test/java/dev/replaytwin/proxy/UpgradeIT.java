package dev.replaytwin.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Protocol upgrades (WebSocket-style): passed through as 101 then raw bytes both ways, or refused cleanly. */
class UpgradeIT {
  private static final String UPGRADE = "GET /chat HTTP/1.1\r\nHost: shop.example\r\nConnection: Upgrade\r\n"
      + "Upgrade: websocket\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
  private static final String SWITCHING = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
      + "Connection: Upgrade\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n";

  @Test
  void relaysRawBytesBothWaysAfterSwitchingProtocols() throws Exception {
    try (RawUpstream upstream = RawUpstream.start(); ProxyUnderTest proxy = ProxyUnderTest.start(upstream.url())) {
      upstream.enqueue(Reply.raw(SWITCHING + "server-hello").then(Reply.Then.ECHO));
      try (RawClient client = proxy.connect()) {
        WireMessage switched = client.exchange(UPGRADE);
        assertThat(switched.startLine()).isEqualTo("HTTP/1.1 101 Switching Protocols");
        assertThat(switched.header("Upgrade")).isEqualTo("websocket");
        assertThat(switched.header("Connection")).isEqualToIgnoringCase("upgrade");
        assertThat(switched.header("Sec-WebSocket-Accept")).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
        assertThat(client.readRaw("server-hello".length())).isEqualTo("server-hello");

        client.send("\u0081\u0005hello");
        assertThat(client.readRaw(7)).isEqualTo("\u0081\u0005hello");
        client.send("HTTP/1.1 is not parsed any more\r\n\r\n");
        assertThat(client.readRaw(35)).isEqualTo("HTTP/1.1 is not parsed any more\r\n\r\n");
      }
      WireMessage forwarded = upstream.requests().get(0);
      assertThat(forwarded.header("Upgrade")).isEqualTo("websocket");
      assertThat(forwarded.header("Connection")).isEqualToIgnoringCase("upgrade");
      assertThat(forwarded.header("Sec-WebSocket-Key")).isEqualTo("dGhlIHNhbXBsZSBub25jZQ==");
      assertThat(upstream.connections().get(0).awaitEnd(Duration.ofSeconds(5)))
          .as("upstream closed after the client left").isTrue();
      assertThat(proxy.nextCapture().response().status()).isEqualTo(101);
    }
  }

  @Test
  void refusedUpgradeIsAnOrdinaryResponseOnAConnectionThatStaysHttp() throws Exception {
    try (RawUpstream upstream = RawUpstream.start(); ProxyUnderTest proxy = ProxyUnderTest.start(upstream.url())) {
      upstream.enqueue(Reply.raw("HTTP/1.1 426 Upgrade Required\r\nContent-Length: 6\r\n\r\nno ws."));
      upstream.enqueue(Reply.ok("plain"));
      try (RawClient client = proxy.connect()) {
        WireMessage refused = client.exchange(UPGRADE);
        assertThat(refused.status()).isEqualTo(426);
        assertThat(refused.bodyText()).isEqualTo("no ws.");

        assertThat(client.exchange("GET /plain HTTP/1.1\r\nHost: shop.example\r\n\r\n").bodyText()).isEqualTo("plain");
      }
    }
  }
}
