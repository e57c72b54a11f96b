package dev.replaytwin.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replaytwin.core.Direction;
import dev.replaytwin.core.Exchange;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The egress listener: a named dependency per request, recorded as OUTBOUND exchanges. */
class EgressIT {

  @Test
  void routesByFirstPathSegmentHostOrAbsoluteTargetAndRecordsOutboundExchanges() throws Exception {
    try (RawUpstream ingress = RawUpstream.start(); RawUpstream payments = RawUpstream.start();
        RawUpstream catalog = RawUpstream.start();
        ProxyUnderTest proxy = ProxyUnderTest.start(ingress.url(), o -> o.egress(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            List.of(Route.parse("payments", payments.url() + "/api"), Route.parse("catalog", catalog.url()))))) {
      payments.answerEveryRequestWith(Reply.ok("paid"));
      catalog.answerEveryRequestWith(Reply.ok("listed"));
      try (RawClient client = RawClient.connect(proxy.proxy.egressAddress())) {
        assertThat(client.exchange("POST /payments/v1/charge?amount=5 HTTP/1.1\r\nHost: localhost\r\n"
            + "Content-Length: 2\r\n\r\n{}").bodyText()).isEqualTo("paid");
        assertThat(client.exchange("GET /items/7 HTTP/1.1\r\nHost: catalog:8080\r\n\r\n").bodyText())
            .isEqualTo("listed");
        assertThat(client.exchange("GET http://catalog/items/8 HTTP/1.1\r\nHost: catalog\r\n\r\n").bodyText())
            .isEqualTo("listed");
      }

      WireMessage charge = payments.takeRequest();
      assertThat(charge.startLine()).isEqualTo("POST /api/v1/charge?amount=5 HTTP/1.1");
      assertThat(charge.header("Host")).isEqualTo("127.0.0.1:" + payments.port());
      assertThat(catalog.takeRequest().startLine()).isEqualTo("GET /items/7 HTTP/1.1");
      assertThat(catalog.takeRequest().startLine()).isEqualTo("GET /items/8 HTTP/1.1");
      assertThat(ingress.requests()).isEmpty();
      List<Exchange> captured = List.of(proxy.nextCapture(), proxy.nextCapture(), proxy.nextCapture());
      assertThat(captured).allSatisfy(e -> assertThat(e.direction()).isEqualTo(Direction.OUTBOUND));
      assertThat(captured).extracting(Exchange::dependency).containsExactly("payments", "catalog", "catalog");
    }
  }

  @Test
  void answers502NamingTheRequestWhenNoRouteMatches() throws Exception {
    try (RawUpstream ingress = RawUpstream.start(); RawUpstream payments = RawUpstream.start();
        ProxyUnderTest proxy = ProxyUnderTest.start(ingress.url(), o -> o.egress(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            List.of(Route.parse("payments", payments.url()))))) {
      try (RawClient client = RawClient.connect(proxy.proxy.egressAddress())) {
        WireMessage response = client.exchange("GET /ledger/1 HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertThat(response.status()).isEqualTo(502);
        assertThat(response.bodyText()).contains("no route for localhost/ledger/1");
      }
      assertThat(payments.requests()).isEmpty();
    }
  }
}
