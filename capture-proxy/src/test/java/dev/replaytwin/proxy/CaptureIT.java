package dev.replaytwin.proxy;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.Header;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the tap receives for exchanges that went through: heads, capped bodies, sampling. */
class CaptureIT {

  private static final byte[] FIVE_MIB = TransparencyIT.FIVE_MIB;

  @Test
  void capturesFirst256KiBOfFiveMiBBodiesFlaggedTruncatedWithOriginalLength() throws Exception {
    try (RawUpstream upstream = RawUpstream.start();
        ProxyUnderTest proxy = ProxyUnderTest.start(upstream.url())) {
      upstream.enqueue(Reply.withBody("HTTP/1.1 200 OK\r\nContent-Length: " + FIVE_MIB.length + "\r\n\r\n", FIVE_MIB));
      try (RawClient client = proxy.connect()) {
        String head = "POST /blob HTTP/1.1\r\nHost: shop.example\r\nTransfer-Encoding: chunked\r\n\r\n"
            + Integer.toHexString(FIVE_MIB.length) + "\r\n";
        client.send(TransparencyIT.concat(head.getBytes(ISO_8859_1), FIVE_MIB, "\r\n0\r\n\r\n".getBytes(ISO_8859_1)));
        assertThat(client.read("POST").body()).isEqualTo(FIVE_MIB);
      }

      Exchange captured = proxy.nextCapture();
      byte[] kept = Arrays.copyOf(FIVE_MIB, ProxyOptions.DEFAULT_CAPTURE_BODY_LIMIT);
      assertThat(captured.request().body().isTruncated()).isTrue();
      assertThat(captured.request().body().originalLength()).isEqualTo(FIVE_MIB.length);
      assertThat(captured.request().body().toByteArray()).isEqualTo(kept);
      assertThat(captured.response()).isNotNull();
      assertThat(captured.response().body().isTruncated()).isTrue();
      assertThat(captured.response().body().originalLength()).isEqualTo(FIVE_MIB.length);
      assertThat(captured.response().body().toByteArray()).isEqualTo(kept);
    }
  }

  @Test
  void capturesEndToEndHeadersAndDecodedBodies() throws Exception {
    try (RawUpstream upstream = RawUpstream.start();
        ProxyUnderTest proxy = ProxyUnderTest.start(upstream.url())) {
      upstream.enqueue(Reply.raw("HTTP/1.1 201 Created\r\nLocation: /orders/7\r\nTransfer-Encoding: chunked\r\n"
          + "Connection: keep-alive, X-Hop\r\nX-Hop: 1\r\nX-Order: 7\r\n\r\n"
          + TransparencyIT.chunks("{\"id\":", "7}") + "0\r\n\r\n"));
      try (RawClient client = proxy.connect()) {
        client.send("POST /orders HTTP/1.1\r\nHost: shop.example\r\nContent-Type: application/json\r\n"
            + "Keep-Alive: timeout=5\r\nContent-Length: 9\r\n\r\n{\"qty\":1}");
        assertThat(client.read("POST").status()).isEqualTo(201);
      }

      Exchange captured = proxy.nextCapture();
      assertThat(captured.request().method()).isEqualTo("POST");
      assertThat(captured.request().target()).isEqualTo("/orders");
      assertThat(captured.request().headers().entries()).extracting(Header::name)
          .containsExactly("Host", "Content-Type", "Content-Length", "x-forwarded-for", "x-forwarded-proto",
              "x-forwarded-host");
      assertThat(captured.request().body().toUtf8()).isEqualTo("{\"qty\":1}");
      assertThat(captured.response().status()).isEqualTo(201);
      assertThat(captured.response().headers().entries())
          .containsExactly(new Header("Location", "/orders/7"), new Header("X-Order", "7"));
      assertThat(captured.response().body().toUtf8()).isEqualTo("{\"id\":7}");
      assertThat(captured.response().body().isTruncated()).isFalse();
    }
  }

  @Test
  void capturesOnlyTheRequestsTheSamplingPolicyKeepsAndProxiesThemAll() throws Exception {
    SamplingPolicy apiOnly = new SamplingPolicy(1, null, List.of("/api/**"), List.of("/api/health"), Set.of());
    try (RawUpstream upstream = RawUpstream.start();
        ProxyUnderTest proxy = ProxyUnderTest.start(upstream.url(), o -> o.sampling(apiOnly))) {
      upstream.answerEveryRequestWith(Reply.ok("ok"));
      try (RawClient client = proxy.connect()) {
        for (String path : List.of("/static/app.js", "/api/health", "/api/orders/7", "/")) {
          assertThat(client.exchange("GET " + path + " HTTP/1.1\r\nHost: shop.example\r\n\r\n").bodyText())
              .isEqualTo("ok");
        }
      }
      assertThat(proxy.nextCapture().request().target()).isEqualTo("/api/orders/7");
      proxy.close();
      assertThat(proxy.capturedCount()).isZero();
      assertThat(upstream.requests()).hasSize(4);
    }
  }
}
