package dev.replaytwin.scenario.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The demo shop on real sockets, with a payments API that records the calls it gets. */
class ShopServiceIT {
  private static final String TRACE = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<String> paymentCalls = new CopyOnWriteArrayList<>();
  private HttpServer payments;
  private ExecutorService pool;

  @BeforeEach
  void startPayments() throws IOException {
    payments = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    pool = Executors.newFixedThreadPool(16);
    payments.setExecutor(pool);
    payments.createContext("/", ex -> {
      paymentCalls.add(ex.getRequestMethod() + " " + ex.getRequestURI().getPath() + " "
          + ex.getRequestHeaders().getFirst("traceparent"));
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] body = "{\"id\":\"ch_1\",\"status\":\"succeeded\"}".getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    payments.start();
  }

  @AfterEach
  void stopPayments() {
    payments.stop(0);
    pool.shutdownNow();
  }

  @Test
  void theCandidateRenamesThePriceFieldAndBothStampEveryAnswer() throws Exception {
    try (ShopService stable = shop(Release.V1_4); ShopService candidate = shop(Release.V1_5)) {
      String a = get(stable, "/products/7").body();
      String b = get(candidate, "/products/7").body();

      assertThat(a).contains("\"price\":").doesNotContain("\"amount\":").contains("\"requestId\":", "\"servedAt\":");
      assertThat(b).contains("\"amount\":").doesNotContain("\"price\":");
      assertThat(get(stable, "/products/7").body()).isNotEqualTo(a);
      assertThat(get(stable, "/products/9999").statusCode()).isEqualTo(404);
      assertThat(get(stable, "/search?q=lamp&limit=x").statusCode()).isEqualTo(400);
      assertThat(get(stable, "/search?q=lamp").body()).contains("lamp").contains("\"count\":");
    }
  }

  @Test
  void checkoutChargesPaymentsOnceInTheStableReleaseAndTwiceInTheCandidatePassingTheTraceOn() throws Exception {
    try (ShopService stable = shop(Release.V1_4); ShopService candidate = shop(Release.V1_5)) {
      for (ShopService shop : List.of(stable, candidate)) {
        paymentCalls.clear();
        assertThat(post(shop, "/cart/items", "s1", "{\"productId\":3,\"quantity\":2}").statusCode()).isEqualTo(200);
        HttpResponse<String> done = post(shop, "/checkout", "s1", "{\"card\":\"4111\"}");

        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("\"status\":\"paid\"", "\"chargeId\":\"ch_1\"");
        assertThat(paymentCalls).allMatch(c -> c.endsWith(TRACE));
        assertThat(paymentCalls).hasSize(shop == stable ? 1 : 2);
        assertThat(post(shop, "/checkout", "s1", "{}").statusCode()).isEqualTo(409);
      }
    }
  }

  @Test
  void concurrentCheckoutsSometimesFailOnlyInTheCandidate() throws Exception {
    try (ShopService stable = shop(Release.V1_4); ShopService candidate = shop(Release.V1_5)) {
      assertThat(failedCheckouts(stable)).isZero();
      assertThat(failedCheckouts(candidate)).isPositive();
    }
  }

  private int failedCheckouts(ShopService shop) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < 80; i++) {
        String session = "c" + i;
        results.add(clients.submit(() -> {
          post(shop, "/cart/items", session, "{\"productId\":5,\"quantity\":1}");
          return post(shop, "/checkout", session, "{\"card\":\"4111\"}").statusCode();
        }));
      }
      int failed = 0;
      for (Future<Integer> f : results) {
        failed += f.get() == 500 ? 1 : 0;
      }
      return failed;
    } finally {
      clients.shutdownNow();
    }
  }

  private ShopService shop(Release release) throws IOException {
    return new ShopService("127.0.0.1", 0, release, "http://127.0.0.1:" + payments.getAddress().getPort());
  }

  private HttpResponse<String> get(ShopService shop, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + shop.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(ShopService shop, String path, String session, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + shop.port() + path))
        .header("Cookie", "session=" + session).header("traceparent", TRACE)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
