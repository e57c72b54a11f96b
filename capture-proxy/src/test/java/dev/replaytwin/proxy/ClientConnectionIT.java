package dev.replaytwin.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The client connection's life: idle timeout, HTTP/1.0 clients, Connection: close. */
class ClientConnectionIT {
  private static final String GET = "GET /item HTTP/1.1\r\nHost: shop.example\r\n\r\n";
  private static final String LEGACY_KEEP_ALIVE =
      "GET /legacy HTTP/1.0\r\nHost: shop.example\r\nConnection: keep-alive\r\n\r\n";

  @Test
  void closesAClientConnectionIdleBetweenRequests() throws Exception {
    try (RawUpstream upstream = RawUpstream.start();
        ProxyUnderTest proxy = ProxyUnderTest.start(upstream.url(), o -> o.clientIdleTimeout(Duration.ofMillis(200)))) {
      upstream.enqueue(Reply.ok("once"));
      try (RawClient client = proxy.connect()) {
        assertThat(client.exchange(GET).bodyText()).isEqualTo("once");
        assertThat(client.endsWithin(Duration.ofSeconds(5))).isTrue();
      }
    }
  }

  @Test
  void idleTimeoutDoesNotCutAnExchangeWaitingForTheUpstream() throws Exception {
    try (RawUpstream upstream = RawUpstream.start();
        ProxyUnderTest proxy = ProxyUnderTest.start(upstream.url(), o -> o.clientIdleTimeout(Duration.ofMillis(100)))) {
      upstream.enqueue(Reply.ok("worth the wait").after(Duration.ofMillis(600)));
      try (RawClient client = proxy.connect()) {
        assertThat(client.exchange(GET).bodyText()).isEqualTo("worth the wait");
      }
    }
  }

  @Test
  void closesAClientThatStopsSendingItsBodyAndTheUpstreamConnectionWithIt() throws Exception {
    try (RawUpstream upstream = RawUpstream.start();
        ProxyUnderTest proxy = ProxyUnderTest.start(upstream.url(), o -> o.clientIdleTimeout(Duration.ofMillis(200)))) {
      try (RawClient client = proxy.connect()) {
        client.send("POST /form HTTP/1.1\r\nHost: shop.example\r\nContent-Length: 100\r\n\r\nonly ten..");
        assertThat(client.endsWithin(Duration.ofSeconds(5))).isTrue();
      }
      for (RawUpstream.Connection c : upstream.connections()) {
        assertThat(c.awaitEnd(Duration.ofSeconds(5))).isTrue();
      }
      assertThat(upstream.requests()).isEmpty();
    }
  }

  @Test
  void closesAClientThatSendsNoBodyAfter100Continue() throws Exception {
    try (RawUpstream upstream = RawUpstream.start();
        ProxyUnderTest proxy = ProxyUnderTest.start(upstream.url(), o -> o.clientIdleTimeout(Duration.ofMillis(200)))) {
      try (RawClient client = proxy.connect()) {
        WireMessage interim = client.exchange("POST /form HTTP/1.1\r\nHost: shop.example\r\nContent-Length: 10\r\n"
            + "Expect: 100-continue\r\n\r\n");
        assertThat(interim.status()).isEqualTo(100);
        assertThat(client.endsWithin(Duration.ofSeconds(5))).as("stalled client closed").isTrue();
      }
      assertThat(upstream.connections().get(0).awaitEnd(Duration.ofSeconds(5))).isTrue();
      assertThat(upstream.requests()).isEmpty();
    }
  }

  @Test
  void closesAfterTheResponseWhenTheClientAsksTo() throws Exception {
    try (RawUpstream upstream = RawUpstream.start(); ProxyUnderTest proxy = ProxyUnderTest.start(upstream.url())) {
      upstream.answerEveryRequestWith(Reply.ok("bye"));
      try (RawClient client = proxy.connect()) {
        WireMessage response = client.exchange("GET / HTTP/1.1\r\nHost: shop.example\r\nConnection: close\r\n\r\n");
        assertThat(response.header("Connection")).isEqualTo("close");
        assertThat(client.endsWithin(Duration.ofSeconds(5))).isTrue();
      }
      assertThat(upstream.requests().get(0).header("Connection")).as("not passed upstream").isNull();
    }
  }

  @Test
  void http10ClientGetsAChunkedBodyUnframedAndThenTheClose() throws Exception {
    try (RawUpstream upstream = RawUpstream.start(); ProxyUnderTest proxy = ProxyUnderTest.start(upstream.url())) {
      upstream.enqueue(Reply.raw("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
          + TransparencyIT.chunks("old ", "client") + "0\r\n\r\n"));
      try (RawClient client = proxy.connect()) {
        WireMessage response = client.exchange(LEGACY_KEEP_ALIVE);
        assertThat(response.header("Transfer-Encoding")).isNull();
        assertThat(response.header("Connection")).isEqualTo("close");
        assertThat(response.bodyText()).isEqualTo("old client");
        assertThat(response.complete()).isTrue();
      }
    }
  }

  @Test
  void http10KeepAliveClientKeepsItsConnectionForALengthDelimitedBody() throws Exception {
    try (RawUpstream upstream = RawUpstream.start(); ProxyUnderTest proxy = ProxyUnderTest.start(upstream.url())) {
      upstream.answerEveryRequestWith(Reply.ok("sized"));
      try (RawClient client = proxy.connect()) {
        for (int i = 0; i < 2; i++) {
          WireMessage response = client.exchange(LEGACY_KEEP_ALIVE);
          assertThat(response.header("Connection")).isEqualToIgnoringCase("keep-alive");
          assertThat(response.bodyText()).isEqualTo("sized");
        }
      }
      assertThat(upstream.requests()).allSatisfy(r -> assertThat(r.startLine()).endsWith(" HTTP/1.1"));
    }
  }

  @Test
  void http10ClientGetsNoInterimResponses() throws Exception {
    try (RawUpstream upstream = RawUpstream.start(); ProxyUnderTest proxy = ProxyUnderTest.start(upstream.url())) {
      upstream.enqueue(Reply.raw("HTTP/1.1 103 Early Hints\r\nLink: </app.css>; rel=preload\r\n\r\n"
          + "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfinal"));
      try (RawClient client = proxy.connect()) {
        WireMessage response = client.exchange("GET /page HTTP/1.0\r\nHost: shop.example\r\n\r\n");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).isEqualTo("final");
      }
    }
  }

  @Test
  void http10ClientWithoutKeepAliveIsClosedAfterTheResponse() throws Exception {
    try (RawUpstream upstream = RawUpstream.start(); ProxyUnderTest proxy = ProxyUnderTest.start(upstream.url())) {
      upstream.enqueue(Reply.ok("one"));
      try (RawClient client = proxy.connect()) {
        assertThat(client.exchange("GET /legacy HTTP/1.0\r\n\r\n").bodyText()).isEqualTo("one");
        assertThat(client.endsWithin(Duration.ofSeconds(5))).isTrue();
      }
    }
  }
}
