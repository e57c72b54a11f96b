package dev.replaytwin.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.replaytwin.core.Exchange;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Upstream and client failures: in each the client sees what it would see without the proxy (or a
 * clear 502/504 where only the proxy can answer), the other connection is closed, and the proxy goes
 * on serving.
 */
class FaultsIT {
  private static final String GET = "GET /item HTTP/1.1\r\nHost: shop.example\r\n\r\n";

  @Test
  void answers502WhileUpstreamIsDownAndServesAgainOnceItIsBack() throws Exception {
    RawUpstream gone = RawUpstream.start();
    int port = gone.port();
    gone.close();
    try (ProxyUnderTest proxy = ProxyUnderTest.start("http://127.0.0.1:" + port)) {
      try (RawClient client = proxy.connect()) {
        WireMessage response = client.exchange(GET);
        assertThat(response.status()).isEqualTo(502);
        assertThat(response.bodyText()).isEqualTo("twin proxy: upstream connection failed: 127.0.0.1:" + port + "\n");
        assertThat(client.endsWithin(Duration.ofSeconds(5))).isTrue();
      }
      assertThat(proxy.scraped("twin_proxy_upstream_errors_total{kind=\"connect_failed\"}")).isEqualTo(1);

      try (RawUpstream back = RawUpstream.start(port); RawClient client = proxy.connect()) {
        back.enqueue(Reply.ok("back"));
        assertThat(client.exchange(GET).bodyText()).isEqualTo("back");
      }
    }
  }

  @Test
  void upstreamResetMidBodyEndsTheClientResponseAsItWouldDirectly() throws Exception {
    Reply torn = Reply.withBody("HTTP/1.1 200 OK\r\nContent-Length: 200000\r\n\r\n",
        TransparencyIT.randomBytes(50_000, 3)).then(Reply.Then.RESET);
    WireMessage direct;
    try (RawUpstream upstream = RawUpstream.start(); RawClient client = RawClient.connect(upstream.address())) {
      upstream.enqueue(torn);
      direct = client.exchange(GET);
    }
    try (RawUpstream upstream = RawUpstream.start(); ProxyUnderTest proxy = ProxyUnderTest.start(upstream.url())) {
      upstream.enqueue(torn);
      try (RawClient client = proxy.connect()) {
        WireMessage proxied = client.exchange(GET);

        assertThat(direct.complete()).isFalse();
        assertThat(proxied.complete()).as("proxied response complete").isFalse();
        assertThat(proxied.status()).isEqualTo(200);
        assertThat(proxied.body().length).isLessThan(200_000);
        assertThat(client.endsWithin(Duration.ofSeconds(5))).isTrue();
      }
      assertThat(proxy.scraped("twin_proxy_upstream_errors_total{kind=\"reset_mid_response\"}")).isEqualTo(1);
      assertThat(proxy.scraped("twin_proxy_upstream_errors_total{kind=\"invalid_response\"}")).isZero();
      assertThat(proxy.scraped("twin_proxy_client_aborts_total")).isZero();
      assertProxyServes(upstream, proxy);
    }
  }

  @Test
  void clientDisconnectingMidRequestBodyClosesTheUpstreamConnection() throws Exception {
    try (RawUpstream upstream = RawUpstream.start(); ProxyUnderTest proxy = ProxyUnderTest.start(upstream.url())) {
      try (RawClient client = proxy.connect()) {
        client.send("PUT /blob HTTP/1.1\r\nHost: shop.example\r\nContent-Length: 1000000\r\n\r\n");
        client.send(TransparencyIT.randomBytes(64 * 1024, 5));
        Await.until("a connection to the upstream", () -> upstream.connections().size() == 1);
        client.reset();
      }
      RawUpstream.Connection c = upstream.connections().get(0);
      assertThat(c.awaitEnd(Duration.ofSeconds(5))).as("upstream connection closed").isTrue();
      assertThat(upstream.requests()).isEmpty();
      Await.until("a client abort counted", () -> proxy.scraped("twin_proxy_client_aborts_total") == 1);
      assertProxyServes(upstream, proxy);
    }
  }

  @Test
  void clientDisconnectingMidResponseBodyClosesTheUpstreamConnection() throws Exception {
    try (RawUpstream upstream = RawUpstream.start(); ProxyUnderTest proxy = ProxyUnderTest.start(upstream.url())) {
      byte[] big = TransparencyIT.randomBytes(8 << 20, 9);
      upstream.enqueue(Reply.withBody("HTTP/1.1 200 OK\r\nContent-Length: " + big.length + "\r\n\r\n", big));
      try (RawClient client = proxy.connect()) {
        client.send(GET);
        client.readRaw(1000);
        client.reset();
      }
      RawUpstream.Connection c = upstream.connections().get(0);
      assertThat(c.awaitEnd(Duration.ofSeconds(5))).as("upstream connection closed").isTrue();
      Await.until("a client abort counted", () -> proxy.scraped("twin_proxy_client_aborts_total") == 1);
      assertProxyServes(upstream, proxy);
    }
  }

  @Test
  void answers504WhenUpstreamDoesNotRespondInTime() throws Exception {
    try (RawUpstream upstream = RawUpstream.start();
        ProxyUnderTest proxy = ProxyUnderTest.start(upstream.url(), o -> o.upstreamTimeout(Duration.ofMillis(300)))) {
      upstream.enqueue(Reply.hang());
      try (RawClient client = proxy.connect()) {
        WireMessage response = client.exchange(GET);
        assertThat(response.status()).isEqualTo(504);
        assertThat(response.bodyText()).isEqualTo("twin proxy: upstream did not respond within 300 ms\n");
        assertThat(client.endsWithin(Duration.ofSeconds(5))).isTrue();
      }
      assertThat(upstream.connections().get(0).awaitEnd(Duration.ofSeconds(5))).isTrue();
      assertThat(proxy.scraped("twin_proxy_upstream_errors_total{kind=\"timeout\"}")).isEqualTo(1);
      Exchange captured = proxy.nextCapture();
      assertThat(captured.request().target()).isEqualTo("/item");
      assertThat(captured.response()).as("captured without a response").isNull();
      assertThat(captured.timings().hasResponseEnd()).isFalse();
      assertProxyServes(upstream, proxy);
    }
  }

  @Test
  void answers504WhenUpstreamNeverAnswersAnExpectation() throws Exception {
    // A listening socket nobody reads from: connections succeed, nothing ever answers.
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        ProxyUnderTest proxy = ProxyUnderTest.start("http://127.0.0.1:" + silent.getLocalPort(),
            o -> o.upstreamTimeout(Duration.ofMillis(300)))) {
      try (RawClient client = proxy.connect()) {
        client.send("POST /upload HTTP/1.1\r\nHost: shop\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
        WireMessage response = client.read("POST");
        assertThat(response.status()).isEqualTo(504);
        assertThat(client.endsWithin(Duration.ofSeconds(5))).isTrue();
      }
      assertThat(proxy.scraped("twin_proxy_upstream_errors_total{kind=\"timeout\"}")).isEqualTo(1);
    }
  }

  @Test
  void closesClientWhenUpstreamStallsMidResponse() throws Exception {
    try (RawUpstream upstream = RawUpstream.start();
        ProxyUnderTest proxy = ProxyUnderTest.start(upstream.url(), o -> o.upstreamTimeout(Duration.ofMillis(300)))) {
      upstream.enqueue(Reply.raw("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nfirst ten.").then(Reply.Then.HANG));
      try (RawClient client = proxy.connect()) {
        WireMessage response = client.exchange(GET);
        assertThat(response.complete()).isFalse();
        assertThat(response.bodyText()).isEqualTo("first ten.");
      }
      assertThat(upstream.connections().get(0).awaitEnd(Duration.ofSeconds(5))).isTrue();
      assertThat(proxy.scraped("twin_proxy_upstream_errors_total{kind=\"timeout\"}")).isEqualTo(1);
    }
  }

  @Test
  void answers504WhenConnectingToUpstreamTimesOut() throws Exception {
    // A listener whose accept queue is full drops further SYNs on Linux, so connects hang: a
    // loopback-safe stand-in for an unreachable host. Systems that refuse instead skip this test.
    List<Socket> queued = new ArrayList<>();
    try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assumeTrue(fillAcceptQueue(full, queued), "this system refuses connects to a full accept queue");
      try (ProxyUnderTest proxy = ProxyUnderTest.start("http://127.0.0.1:" + full.getLocalPort(),
          o -> o.connectTimeout(Duration.ofMillis(300)));
          RawClient client = proxy.connect()) {
        WireMessage response = client.exchange(GET);
        assertThat(response.status()).isEqualTo(504);
        assertThat(response.bodyText())
            .isEqualTo("twin proxy: upstream connect timed out: 127.0.0.1:" + full.getLocalPort() + "\n");
        assertThat(proxy.scraped("twin_proxy_upstream_errors_total{kind=\"connect_timeout\"}")).isEqualTo(1);
      }
    } finally {
      for (Socket s : queued) {
        s.close();
      }
    }
  }

  @Test
  void answers502WhenUpstreamSendsSomethingThatIsNotHttp() throws Exception {
    try (RawUpstream upstream = RawUpstream.start(); ProxyUnderTest proxy = ProxyUnderTest.start(upstream.url())) {
      upstream.enqueue(Reply.raw("SSH-2.0-OpenSSH_9.6\r\n\r\n").then(Reply.Then.HANG));
      try (RawClient client = proxy.connect()) {
        assertThat(client.exchange(GET).status()).isEqualTo(502);
      }
      assertThat(upstream.connections().get(0).awaitEnd(Duration.ofSeconds(5))).isTrue();
      assertThat(proxy.scraped("twin_proxy_upstream_errors_total{kind=\"invalid_response\"}")).isEqualTo(1);
      assertProxyServes(upstream, proxy);
    }
  }

  /** Connects until a connect hangs; false when the system refuses or never stops accepting. */
  private static boolean fillAcceptQueue(ServerSocket server, List<Socket> queued) throws IOException {
    for (int i = 0; i < 16; i++) {
      Socket s = new Socket();
      try {
        s.connect(server.getLocalSocketAddress(), 200);
        queued.add(s);
      } catch (SocketTimeoutException hangs) {
        s.close();
        return true;
      } catch (ConnectException refused) {
        s.close();
        return false;
      }
    }
    return false;
  }

  private static void assertProxyServes(RawUpstream upstream, ProxyUnderTest proxy) throws Exception {
    upstream.enqueue(Reply.ok("still here"));
    try (RawClient client = proxy.connect()) {
      assertThat(client.exchange(GET).bodyText()).isEqualTo("still here");
    }
  }
}
