package dev.replaytwin.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replaytwin.core.Direction;
import dev.replaytwin.core.Exchange;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The egress listener: the service's outbound calls, recorded as OUTBOUND per dependency. */
@Timeout(60)
class EgressCaptureIT {
  @Test
  void recordsOutboundCallsTaggedWithTheDependencyChosenByPathOrHost() throws Exception {
    try (JdkUpstream production = JdkUpstream.http("prod");
         JdkUpstream payments = JdkUpstream.http("payments");
         JdkUpstream stock = JdkUpstream.http("stock");
         ProxyFixture f = new ProxyFixture(ProxyFixture.to("http://127.0.0.1:" + production.port())
             .egress(new InetSocketAddress("127.0.0.1", 0), List.of(
                 Route.parse("payments", "http://127.0.0.1:" + payments.port()),
                 Route.parse("stock", "http://127.0.0.1:" + stock.port() + "/api"))))) {
      String egress = "http://127.0.0.1:" + f.proxy.egressAddress().getPort();
      HttpResponse<String> byPath = ProxyFixture.client().send(HttpRequest.newBuilder(URI.create(egress + "/payments/v1/charge"))
          .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":12}")).build(), HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> byHost = ProxyFixture.get(ProxyFixture.client(), egress + "/items/7?fresh=1");
      HttpResponse<String> unknown = ProxyFixture.get(ProxyFixture.client(), egress + "/nowhere/x");

      assertThat(byPath.body()).isEqualTo("payments POST /v1/charge {\"amount\":12}");
      assertThat(payments.seen).singleElement().satisfies(s ->
          assertThat(s.host()).isEqualTo("127.0.0.1:" + payments.port()));
      assertThat(byHost.statusCode()).isEqualTo(502);
      assertThat(unknown.statusCode()).isEqualTo(502);
      assertThat(unknown.body()).contains("no route");

      String viaHostHeader = rawGet(f.proxy.egressAddress().getPort(), "/items/7?fresh=1", "stock");
      assertThat(viaHostHeader).startsWith("HTTP/1.1 200").endsWith("stock GET /api/items/7?fresh=1 ");
      f.close();

      assertThat(f.captured).extracting(Exchange::direction).containsOnly(Direction.OUTBOUND);
      assertThat(f.captured).extracting(Exchange::dependency).containsExactlyInAnyOrder("payments", "stock");
      assertThat(f.captured).extracting(e -> e.request().target())
          .containsExactlyInAnyOrder("/v1/charge", "/api/items/7?fresh=1");
      assertThat(production.seen).isEmpty();
    }
  }

  private static String rawGet(int port, String target, String host) throws Exception {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
