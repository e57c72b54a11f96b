package dev.replaytwin.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replaytwin.core.Exchange;
import dev.replaytwin.proxy.ProxyMetrics.DropReason;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Live mirroring to a twin: copies, their answers captured, and a twin that cannot hurt clients. */
@Timeout(60)
class MirrorIT {
  @Test
  void mirrorsReadsNotWritesAndCapturesTheTwinsAnswerNextToProduction() throws Exception {
    try (JdkUpstream production = JdkUpstream.http("prod");
         JdkUpstream twin = JdkUpstream.http("twin");
         ProxyUnderTest f = ProxyUnderTest.start("http://127.0.0.1:" + production.port());
         Mirror mirror = new Mirror(Route.parse("mirror", "http://127.0.0.1:" + twin.port()), false, 8,
             Duration.ofSeconds(5), 1024, f.metrics)) {
      f.tap.mirrorTo(mirror);
      HttpClient client = JdkClient.client();
      assertThat(JdkClient.get(client, f.url("/items?q=1")).body()).isEqualTo("prod GET /items?q=1 ");
      assertThat(client.send(HttpRequest.newBuilder(URI.create(f.url("/cart")))
          .POST(HttpRequest.BodyPublishers.ofString("x=1")).build(), HttpResponse.BodyHandlers.ofString()).body())
          .isEqualTo("prod POST /cart x=1");
      List<Exchange> captured = f.captures(3);
      f.close();

      assertThat(twin.seen).extracting(JdkUpstream.Seen::target).containsExactly("/items?q=1");
      Exchange prod = captured.stream().filter(e -> e.request().target().equals("/items?q=1")
          && !e.id().endsWith("~mirror")).findFirst().orElseThrow();
      Exchange copy = captured.stream().filter(e -> e.id().equals(prod.id() + "~mirror")).findFirst().orElseThrow();
      assertThat(copy.response().body().toUtf8()).isEqualTo("twin GET /items?q=1 ");
      assertThat(copy.context().extra()).containsEntry(Mirror.MIRROR_OF, prod.id());
      assertThat(f.metrics.droppedCount(DropReason.MIRROR_FAILED)).isZero();
    }
  }

  @Test
  void mirrorsWritesWithTheirBodiesWhenAsked() throws Exception {
    try (JdkUpstream production = JdkUpstream.http("prod");
         JdkUpstream twin = JdkUpstream.http("twin");
         ProxyUnderTest f = ProxyUnderTest.start("http://127.0.0.1:" + production.port());
         Mirror mirror = new Mirror(Route.parse("mirror", "http://127.0.0.1:" + twin.port()), true, 8,
             Duration.ofSeconds(5), 1024, f.metrics)) {
      f.tap.mirrorTo(mirror);
      HttpClient client = JdkClient.client();
      client.send(HttpRequest.newBuilder(URI.create(f.url("/cart"))).header("Content-Type", "text/plain")
          .POST(HttpRequest.BodyPublishers.ofString("x=1")).build(), HttpResponse.BodyHandlers.ofString());
      client.send(HttpRequest.newBuilder(URI.create(f.url("/cart/7"))).DELETE().build(),
          HttpResponse.BodyHandlers.ofString());
      f.captures(4);

      assertThat(twin.seen).extracting(s -> s.method() + " " + s.target() + " " + s.body())
          .containsExactlyInAnyOrder("POST /cart x=1", "DELETE /cart/7 ");
    }
  }

  @Test
  void dropsAndCountsCopiesWhenTheTwinIsSlowOrDownWhileClientsGetProductionsAnswers() throws Exception {
    try (JdkUpstream production = JdkUpstream.http("prod");
         JdkUpstream slowTwin = JdkUpstream.http("twin");
         ProxyUnderTest f = ProxyUnderTest.start("http://127.0.0.1:" + production.port());
         Mirror mirror = new Mirror(Route.parse("mirror", "http://127.0.0.1:" + slowTwin.port()), false, 1,
             Duration.ofSeconds(5), 1024, f.metrics)) {
      f.tap.mirrorTo(mirror);
      HttpClient client = JdkClient.client();
      for (int i = 0; i < 5; i++) {
        // The first copy keeps the twin busy for 3 s; the next ones find no free slot.
        assertThat(JdkClient.get(client, f.url("/q?i=" + i + "&delay=" + (i == 0 ? 3000 : 0))).statusCode())
            .isEqualTo(200);
      }
      Await.until("4 copies dropped as busy", () -> f.metrics.droppedCount(DropReason.MIRROR_BUSY) >= 4);
      assertThat(f.metrics.droppedCount(DropReason.MIRROR_BUSY)).isEqualTo(4);
    }
    try (JdkUpstream production = JdkUpstream.http("prod");
         ProxyUnderTest f = ProxyUnderTest.start("http://127.0.0.1:" + production.port());
         Mirror mirror = new Mirror(Route.parse("mirror", "http://127.0.0.1:9"), false, 8,
             Duration.ofSeconds(2), 1024, f.metrics)) {
      f.tap.mirrorTo(mirror);
      assertThat(JdkClient.get(JdkClient.client(), f.url("/q")).body()).isEqualTo("prod GET /q ");
      Await.until("a failed copy", () -> f.metrics.droppedCount(DropReason.MIRROR_FAILED) >= 1);
      assertThat(f.metrics.droppedCount(DropReason.MIRROR_FAILED)).isEqualTo(1);
    }
  }

}
