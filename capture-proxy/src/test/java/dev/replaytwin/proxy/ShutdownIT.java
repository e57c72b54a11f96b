package dev.replaytwin.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replaytwin.core.Exchange;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Graceful shutdown: exchanges in flight finish, new connections are refused, then the tap drains. */
class ShutdownIT {

  @Test
  void closeLetsTheRequestInFlightFinishRefusesNewConnectionsThenTheTapDrains() throws Exception {
    CountDownLatch answerSlowRequest = new CountDownLatch(1);
    try (RawUpstream upstream = RawUpstream.start(); ProxyUnderTest proxy = ProxyUnderTest.start(upstream.url())) {
      upstream.enqueue(Reply.ok("slow but whole").gatedBy(answerSlowRequest));
      upstream.enqueue(Reply.ok("quick"));
      try (RawClient slow = proxy.connect(); RawClient idle = proxy.connect()) {
        slow.send("GET /slow HTTP/1.1\r\nHost: shop.example\r\n\r\n");
        assertThat(upstream.takeRequest().target()).isEqualTo("/slow");
        idle.send("GET /quick HTTP/1.1\r\nHost: shop.example\r\n\r\n");
        assertThat(idle.read("GET").bodyText()).isEqualTo("quick");

        CompletableFuture<Void> closing = CompletableFuture.runAsync(() -> proxy.proxy.close(Duration.ofSeconds(10)));
        Await.until("new connections refused", () -> refuses(proxy.address()));
        assertThat(idle.endsWithin(Duration.ofSeconds(5))).as("idle keep-alive connection closed").isTrue();
        assertThat(closing).as("close waits for the request in flight").isNotDone();
        assertThat(proxy.proxy.isReady()).isFalse();

        answerSlowRequest.countDown();
        WireMessage response = slow.read("GET");
        assertThat(response.complete()).isTrue();
        assertThat(response.bodyText()).isEqualTo("slow but whole");
        assertThat(response.header("Connection")).isEqualToIgnoringCase("close");
        assertThat(slow.endsWithin(Duration.ofSeconds(5))).isTrue();
        closing.get(10, TimeUnit.SECONDS);
      }
      proxy.tap.close(Duration.ofSeconds(5));
      List<Exchange> captured = List.of(proxy.nextCapture(), proxy.nextCapture());
      assertThat(captured).extracting(e -> e.request().target()).containsExactlyInAnyOrder("/slow", "/quick");
      assertThat(captured).allSatisfy(e -> assertThat(e.response()).isNotNull());
    }
  }

  @Test
  void closeEndsWhatOutlastsTheDrainTimeout() throws Exception {
    try (RawUpstream upstream = RawUpstream.start(); ProxyUnderTest proxy = ProxyUnderTest.start(upstream.url())) {
      upstream.enqueue(Reply.hang());
      try (RawClient stuck = proxy.connect()) {
        stuck.send("GET /stuck HTTP/1.1\r\nHost: shop.example\r\n\r\n");
        upstream.takeRequest();

        proxy.proxy.close(Duration.ofMillis(200));

        assertThat(stuck.endsWithin(Duration.ofSeconds(5))).isTrue();
        assertThat(upstream.connections().get(0).awaitEnd(Duration.ofSeconds(5))).isTrue();
        assertThat(proxy.scraped("twin_proxy_client_aborts_total")).isEqualTo(1);
      }
    }
  }

  private static boolean refuses(InetSocketAddress address) {
    try (Socket s = new Socket()) {
      s.connect(address, 1000);
      return false;
    } catch (ConnectException refused) {
      return true;
    } catch (IOException other) {
      return false;
    }
  }
}
