package dev.replaytwin.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests the proxy must refuse: each is answered with the right 4xx, the connection is closed, the
 * upstream never receives a complete request, and the proxy goes on serving.
 */
class BadInputIT {
  private static final String HOST = "Host: shop.example\r\n";

  private RawUpstream upstream;
  private ProxyUnderTest proxy;

  @BeforeEach
  void start() throws Exception {
    upstream = RawUpstream.start();
    proxy = ProxyUnderTest.start(upstream.url());
  }

  @AfterEach
  void stop() throws Exception {
    proxy.close();
    upstream.close();
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        arguments("request line without a version", "GET /\r\n" + HOST + "\r\n", 400),
        arguments("request line with a fourth word", "GET / HTTP/1.1 extra\r\n" + HOST + "\r\n", 400),
        arguments("unknown protocol", "GET / FOO/1.1\r\n" + HOST + "\r\n", 400),
        arguments("space in the target", "GET /a b HTTP/1.1\r\n" + HOST + "\r\n", 400),
        arguments("bare LF line ends", "GET / HTTP/1.1\nHost: shop.example\n\n", 400),
        arguments("header line without a colon", "GET / HTTP/1.1\r\n" + HOST + "Oops\r\n\r\n", 400),
        arguments("space before a header colon", "GET / HTTP/1.1\r\nHost : shop.example\r\n\r\n", 400),
        arguments("HTTP/1.1 request without Host", "GET / HTTP/1.1\r\nAccept: */*\r\n\r\n", 400),
        arguments("two Host fields", "GET / HTTP/1.1\r\nHost: shop.example\r\nHost: admin.internal\r\n\r\n", 400),
        arguments("request line over the limit", "GET /" + "a".repeat(9000) + " HTTP/1.1\r\n" + HOST + "\r\n", 414),
        arguments("header block over the limit",
            "GET / HTTP/1.1\r\n" + HOST + "X-Big: " + "b".repeat(20_000) + "\r\n\r\n", 431),
        arguments("Content-Length with Transfer-Encoding", "POST / HTTP/1.1\r\n" + HOST
            + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", 400),
        arguments("Transfer-Encoding: chunked, identity", "POST / HTTP/1.1\r\n" + HOST
            + "Transfer-Encoding: chunked, identity\r\n\r\n5\r\nhello\r\n0\r\n\r\n", 400),
        arguments("chunked then identity in two fields", "POST / HTTP/1.1\r\n" + HOST
            + "Transfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n\r\n5\r\nhello\r\n0\r\n\r\n", 400),
        arguments("Transfer-Encoding: xchunked", "POST / HTTP/1.1\r\n" + HOST
            + "Transfer-Encoding: xchunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", 400),
        arguments("two differing Content-Lengths", "POST / HTTP/1.1\r\n" + HOST
            + "Content-Length: 5\r\nContent-Length: 6\r\n\r\nhello!", 400),
        arguments("negative Content-Length", "POST / HTTP/1.1\r\n" + HOST + "Content-Length: -5\r\n\r\nhello", 400),
        arguments("chunk size that is not hex", "POST / HTTP/1.1\r\n" + HOST
            + "Transfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n", 400),
        arguments("bad chunk size after a good chunk", "POST / HTTP/1.1\r\n" + HOST
            + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n-1\r\nx\r\n0\r\n\r\n", 400),
        arguments("chunk size overflow", "POST / HTTP/1.1\r\n" + HOST
            + "Transfer-Encoding: chunked\r\n\r\nffffffffffffffffff\r\nhello\r\n0\r\n\r\n", 400));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void refusesWithStatusClosesAndForwardsNothingComplete(String name, String request, int status)
      throws Exception {
    upstream.answerEveryRequestWith(Reply.ok("should not be reached"));
    try (RawClient client = proxy.connect()) {
      client.send(request);

      WireMessage response = client.read("POST");
      assertThat(response.status()).isEqualTo(status);
      assertThat(response.header("Connection")).isEqualToIgnoringCase("close");
      assertThat(response.bodyText()).startsWith("twin proxy: ");
      assertThat(client.endsWithin(Duration.ofSeconds(5))).as("connection closed").isTrue();
    }
    for (RawUpstream.Connection c : upstream.connections()) {
      assertThat(c.awaitEnd(Duration.ofSeconds(5))).as("upstream connection closed").isTrue();
    }
    assertThat(upstream.requests()).as("complete requests at the upstream, which received:%n%s",
        upstream.receivedText()).isEmpty();
    assertThat(proxy.scraped("twin_proxy_requests_total{status=\"4xx\"}")).isEqualTo(1);
    assertProxyStillServes();
  }

  private void assertProxyStillServes() throws Exception {
    try (RawClient client = proxy.connect()) {
      assertThat(client.exchange("GET /after HTTP/1.1\r\n" + HOST + "\r\n").bodyText())
          .isEqualTo("should not be reached");
    }
  }
}
