package dev.replaytwin.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Keep-alive connections to the upstream: reused across clients, dropped when they cannot be. */
class PoolingIT {
  private static final String GET = "GET /item HTTP/1.1\r\nHost: shop.example\r\n\r\n";

  @Test
  void sequentialRequestsFromSeveralClientsShareOneUpstreamConnection() throws Exception {
    try (RawUpstream upstream = RawUpstream.start(); ProxyUnderTest proxy = ProxyUnderTest.start(upstream.url())) {
      upstream.answerEveryRequestWith(Reply.ok("pooled"));
      for (int i = 0; i < 5; i++) {
        try (RawClient client = proxy.connect()) {
          assertThat(client.exchange(GET).bodyText()).isEqualTo("pooled");
        }
      }
      assertThat(upstream.requests()).hasSize(5);
      assertThat(upstream.connections()).hasSize(1);
    }
  }

  @Test
  void upstreamClosingAfterEachResponseNeverFailsTheNextRequest() throws Exception {
    try (RawUpstream upstream = RawUpstream.start(); ProxyUnderTest proxy = ProxyUnderTest.start(upstream.url())) {
      upstream.answerEveryRequestWith(Reply.ok("then closed").then(Reply.Then.CLOSE));
      try (RawClient client = proxy.connect()) {
        for (int i = 0; i < 20; i++) {
          assertThat(client.exchange(GET).bodyText()).as("request %d", i).isEqualTo("then closed");
        }
      }
      assertThat(proxy.scraped("twin_proxy_requests_total{status=\"5xx\"}")).isZero();
    }
  }

  @Test
  void connectionTheUpstreamAsksToCloseIsNotReused() throws Exception {
    try (RawUpstream upstream = RawUpstream.start(); ProxyUnderTest proxy = ProxyUnderTest.start(upstream.url())) {
      upstream.answerEveryRequestWith(
          Reply.raw("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 4\r\n\r\nbye."));
      try (RawClient client = proxy.connect()) {
        for (int i = 0; i < 3; i++) {
          WireMessage response = client.exchange(GET);
          assertThat(response.bodyText()).isEqualTo("bye.");
          assertThat(response.header("Connection")).as("client connection stays open").isNull();
        }
      }
      assertThat(upstream.connections()).hasSize(3);
      for (RawUpstream.Connection c : upstream.connections()) {
        assertThat(c.awaitEnd(Duration.ofSeconds(5))).isTrue();
      }
    }
  }

  @Test
  void idlePooledConnectionIsClosedAfterTheUpstreamIdleTimeout() throws Exception {
    try (RawUpstream upstream = RawUpstream.start();
        ProxyUnderTest proxy = ProxyUnderTest.start(upstream.url(),
            o -> o.upstreamIdleTimeout(Duration.ofMillis(200)))) {
      upstream.enqueue(Reply.ok("once"));
      try (RawClient client = proxy.connect()) {
        assertThat(client.exchange(GET).bodyText()).isEqualTo("once");
        assertThat(upstream.connections().get(0).awaitEnd(Duration.ofSeconds(5))).isTrue();
      }
    }
  }

  @Test
  void retriesAnIdempotentRequestOnceWhenAReusedConnectionClosesUnanswered() throws Exception {
    try (RawUpstream upstream = RawUpstream.start(); ProxyUnderTest proxy = ProxyUnderTest.start(upstream.url())) {
      upstream.enqueue(Reply.ok("first")).enqueue(Reply.raw("").then(Reply.Then.CLOSE)).enqueue(Reply.ok("second"));
      try (RawClient client = proxy.connect()) {
        assertThat(client.exchange(GET).bodyText()).isEqualTo("first");
        assertThat(client.exchange(GET).bodyText()).isEqualTo("second");
      }
      assertThat(upstream.requests()).hasSize(3);
      assertThat(upstream.connections()).hasSize(2);
    }
  }

  @Test
  void doesNotRetryARequestWithABodyWhenAReusedConnectionClosesUnanswered() throws Exception {
    try (RawUpstream upstream = RawUpstream.start(); ProxyUnderTest proxy = ProxyUnderTest.start(upstream.url())) {
      upstream.enqueue(Reply.ok("first")).enqueue(Reply.raw("").then(Reply.Then.CLOSE)).enqueue(Reply.ok("twice!"));
      try (RawClient client = proxy.connect()) {
        assertThat(client.exchange(GET).bodyText()).isEqualTo("first");
        WireMessage response =
            client.exchange("POST /orders HTTP/1.1\r\nHost: shop.example\r\nContent-Length: 2\r\n\r\n{}");
        assertThat(response.status()).isEqualTo(502);
        assertThat(response.bodyText()).isEqualTo("twin proxy: upstream closed the connection before responding\n");
      }
      assertThat(upstream.requests()).hasSize(2);
    }
  }
}
