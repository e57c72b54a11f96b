package dev.replaytwin.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Hop-by-hop fields and X-Forwarded-* on real connections. */
class HeadersIT {

  @Test
  void removesHopByHopFieldsAndTheFieldsConnectionNamesBothWays() throws Exception {
    try (RawUpstream upstream = RawUpstream.start(); ProxyUnderTest proxy = ProxyUnderTest.start(upstream.url())) {
      upstream.enqueue(Reply.raw("HTTP/1.1 200 OK\r\nConnection: X-Backend-Hop\r\nX-Backend-Hop: internal\r\n"
          + "Keep-Alive: timeout=30\r\nProxy-Connection: keep-alive\r\nX-End: kept\r\nContent-Length: 2\r\n\r\nok"));
      try (RawClient client = proxy.connect()) {
        client.send("GET /h HTTP/1.1\r\nHost: shop.example\r\nConnection: keep-alive, X-Client-Hop\r\n"
            + "X-Client-Hop: secret\r\nKeep-Alive: timeout=5\r\nProxy-Connection: keep-alive\r\nTE: trailers\r\n"
            + "Upgrade: h2c\r\nX-End: kept\r\n\r\n");
        WireMessage response = client.read("GET");
        assertThat(response.headers()).extracting(h -> h.name())
            .containsExactly("X-End", "Content-Length");
      }
      WireMessage forwarded = upstream.takeRequest();
      assertThat(forwarded.headers()).extracting(h -> h.name())
          .containsExactly("Host", "X-End", "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host");
    }
  }

  @Test
  void appendsTheClientAddressToXForwardedFor() throws Exception {
    try (RawUpstream upstream = RawUpstream.start(); ProxyUnderTest proxy = ProxyUnderTest.start(upstream.url())) {
      upstream.enqueue(Reply.ok("a"));
      try (RawClient client = proxy.connect()) {
        client.send("GET / HTTP/1.1\r\nHost: shop.example\r\nX-Forwarded-For: 203.0.113.7\r\n"
            + "X-Forwarded-Proto: https\r\n\r\n");
        client.read("GET");
      }
      WireMessage forwarded = upstream.takeRequest();
      assertThat(forwarded.header("X-Forwarded-For")).isEqualTo("203.0.113.7, 127.0.0.1");
      assertThat(forwarded.header("X-Forwarded-Proto")).isEqualTo("https");
      assertThat(forwarded.header("X-Forwarded-Host")).isEqualTo("shop.example");
      assertThat(forwarded.header("Host")).isEqualTo("shop.example");
    }
  }

  @Test
  void forwardsAnAbsoluteFormTargetInOriginFormUnderTheBasePath() throws Exception {
    try (RawUpstream upstream = RawUpstream.start();
        ProxyUnderTest proxy = ProxyUnderTest.start(upstream.url() + "/base")) {
      upstream.answerEveryRequestWith(Reply.ok("a"));
      try (RawClient client = proxy.connect()) {
        client.exchange("GET /x?q=1 HTTP/1.1\r\nHost: shop.example\r\n\r\n");
        client.exchange("GET http://shop.example/x?q=1 HTTP/1.1\r\nHost: shop.example\r\n\r\n");
      }
      assertThat(upstream.requests()).extracting(WireMessage::startLine)
          .containsExactly("GET /base/x?q=1 HTTP/1.1", "GET /base/x?q=1 HTTP/1.1");
    }
  }
}
