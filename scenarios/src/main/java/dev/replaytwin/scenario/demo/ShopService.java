package dev.replaytwin.scenario.demo;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * "shop", the demo service the example scenarios gate: product search, product page, cart and
 * checkout, whose checkout charges an external payments API. Two releases, chosen at start; 1.5
 * carries the regressions listed in {@link Release}. Every answer carries a random
 * {@code requestId} and the time it was served, which a gate must treat as noise.
 *
 * <pre>{@code
 * java -cp replaytwin-scenarios.jar dev.replaytwin.scenario.demo.ShopService \
 *     --port 8080 --release 1.5 --payments http://127.0.0.1:9000
 * }</pre>
 *
 * <p>Only the JDK is used, so the class runs from a bare jar and in a jlinked image
 * ({@code java.base}, {@code java.net.http}, {@code jdk.httpserver}).
 */
public final class ShopService implements AutoCloseable {
  private static final int MAX_BODY = 64 * 1024;

  private final Release release;
  private final Catalog catalog = new Catalog();
  private final Payments payments;
  private final Map<String, Map<Integer, Integer>> carts = new ConcurrentHashMap<>();
  private final Map<String, byte[]> searchCache = new ConcurrentHashMap<>();
  private final AtomicInteger checkoutsInFlight = new AtomicInteger();
  private final DemoServer server;

  static {
    // The JDK server closes idle keep-alive connections beyond 200 at once; a replayer keeping a
    // connection per concurrent session then writes requests into closed connections.
    if (System.getProperty("sun.net.httpserver.maxIdleConnections") == null) {
      System.setProperty("sun.net.httpserver.maxIdleConnections", "10000");
    }
  }

  public ShopService(String host, int port, Release release, String paymentsUrl) throws IOException {
    this.release = release;
    this.payments = new Payments(paymentsUrl);
    this.server = new DemoServer(host, port, 256, "shop-worker", this::handle);
  }

  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.close();
  }

  public static void main(String[] args) throws IOException {
    String host;
    int port;
    Release release;
    String paymentsUrl;
    try {
      DemoOptions options = DemoOptions.parse(args, List.of("--host", "--port", "--release", "--payments"), List.of(),
          "expected: --host, --port, --release 1.4|1.5, --payments URL");
      host = options.text("--host", "127.0.0.1");
      port = options.port("--port", 8080);
      release = options.value("--release", Release::parse, Release.V1_4);
      paymentsUrl = options.text("--payments", System.getenv().getOrDefault("PAYMENTS_URL", "http://127.0.0.1:9000"));
    } catch (IllegalArgumentException e) {
      System.err.println("shop: " + e.getMessage());
      System.exit(2);
      return;
    }
    ShopService shop = new ShopService(host, port, release, paymentsUrl);
    Runtime.getRuntime().addShutdownHook(new Thread(shop::close, "shop-stop"));
    System.out.println("shop " + release.label() + " listening on http://" + host + ":" + shop.port()
        + " (payments at " + paymentsUrl + ")");
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String method = ex.getRequestMethod();
      String path = ex.getRequestURI().getPath();
      Reply reply;
      try {
        reply = route(ex, method, path);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        reply = new Reply(503, "{\"error\":\"shutting down\"}");
      } catch (IOException e) {
        // A dependency that could not be reached: the client gets a 502 saying so, never a reset.
        reply = new Reply(502, "{\"error\":" + Json.str("payments unreachable: " + e) + "}");
      } catch (RuntimeException e) {
        reply = new Reply(500, "{\"error\":" + Json.str(String.valueOf(e.getMessage())) + "}");
      }
      byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", reply.status() == 200 && path.equals("/health")
          ? "text/plain" : "application/json");
      ex.getResponseHeaders().set("X-Shop-Release", release.label());
      ex.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private record Reply(int status, String body) {}

  private Reply route(HttpExchange ex, String method, String path) throws IOException, InterruptedException {
    if (path.equals("/health")) {
      return new Reply(200, "ok");
    }
    if (method.equals("GET") && path.equals("/search")) {
      return search(query(ex, "q"), query(ex, "limit"));
    }
    if (method.equals("GET") && path.startsWith("/products/")) {
      return product(path.substring("/products/".length()));
    }
    if (path.equals("/cart/items") && method.equals("POST")) {
      return addToCart(session(ex), readBody(ex));
    }
    if (path.equals("/cart") && method.equals("GET")) {
      return cart(session(ex));
    }
    if (path.equals("/checkout") && method.equals("POST")) {
      return checkout(session(ex), readBody(ex), ex.getRequestHeaders().getFirst("traceparent"));
    }
    return new Reply(404, "{\"error\":\"no route for " + method + " " + Json.str(path).replace("\"", "") + "\"}");
  }

  private Reply search(String q, String limitText) throws InterruptedException {
    int limit;
    try {
      limit = limitText.isEmpty() ? 10 : Math.max(1, Math.min(50, Integer.parseInt(limitText)));
    } catch (NumberFormatException e) {
      return new Reply(400, stamp(new StringBuilder("{\"error\":\"limit: expected a number 1..50\"")));
    }
    if (release.slowLongSearch() && q.length() > 12) {
      Thread.sleep(Math.min(200, 4L * (q.length() - 12)));
    }
    StringBuilder b = new StringBuilder("{\"query\":").append(Json.str(q)).append(",\"results\":[");
    List<Catalog.Product> found = catalog.search(q, limit);
    for (int i = 0; i < found.size(); i++) {
      Catalog.Product p = found.get(i);
      b.append(i == 0 ? "" : ",").append("{\"id\":").append(p.id()).append(",\"name\":").append(Json.str(p.name()))
          .append(",\"price\":").append(price(p.priceCents())).append('}');
    }
    String body = stamp(b.append("],\"count\":").append(found.size()));
    if (release.leakySearchCache()) {
      // The bug: keyed by query and time, so no entry is ever hit again or evicted.
      searchCache.put(q + "@" + System.nanoTime(), new byte[16 * 1024]);
    }
    return new Reply(200, body);
  }

  private Reply product(String idText) {
    Catalog.Product p;
    try {
      p = catalog.get(Integer.parseInt(idText));
    } catch (NumberFormatException e) {
      p = null;
    }
    if (p == null) {
      return new Reply(404, stamp(new StringBuilder("{\"error\":\"no such product\"")));
    }
    String priceField = release.renamedPriceField() ? "amount" : "price";
    return new Reply(200, stamp(new StringBuilder("{\"id\":").append(p.id()).append(",\"name\":")
        .append(Json.str(p.name())).append(",\"").append(priceField).append("\":").append(price(p.priceCents()))
        .append(",\"currency\":\"EUR\",\"inStock\":").append(p.stock() > 0).append(",\"stock\":").append(p.stock())));
  }

  private Reply addToCart(String session, String body) {
    int productId = (int) Json.number(body, "productId", -1);
    int quantity = (int) Json.number(body, "quantity", 1);
    if (catalog.get(productId) == null || quantity < 1 || quantity > 99) {
      return new Reply(400, stamp(new StringBuilder("{\"error\":\"expected productId 1..")
          .append(Catalog.SIZE).append(" and quantity 1..99\"")));
    }
    carts.computeIfAbsent(session, s -> new ConcurrentHashMap<>()).merge(productId, quantity, Integer::sum);
    return cart(session);
  }

  private Reply cart(String session) {
    Map<Integer, Integer> items = carts.getOrDefault(session, Map.of());
    StringBuilder b = new StringBuilder("{\"items\":[");
    long total = 0;
    boolean first = true;
    for (Map.Entry<Integer, Integer> e : new java.util.TreeMap<>(items).entrySet()) {
      Catalog.Product p = catalog.get(e.getKey());
      total += p.priceCents() * e.getValue();
      b.append(first ? "" : ",").append("{\"id\":").append(p.id()).append(",\"quantity\":").append(e.getValue())
          .append('}');
      first = false;
    }
    return new Reply(200, stamp(b.append("],\"total\":").append(price(total))));
  }

  private Reply checkout(String session, String body, String traceparent) throws IOException, InterruptedException {
    Map<Integer, Integer> items = carts.get(session);
    if (items == null || items.isEmpty()) {
      return new Reply(409, stamp(new StringBuilder("{\"error\":\"the cart is empty\"")));
    }
    int running = checkoutsInFlight.incrementAndGet();
    try {
      if (release.checkoutRace() && running > 1 && ThreadLocalRandom.current().nextInt(100) < 25) {
        return new Reply(500, stamp(new StringBuilder("{\"error\":\"order lock conflict\"")));
      }
      long total = 0;
      for (Map.Entry<Integer, Integer> e : items.entrySet()) {
        total += catalog.get(e.getKey()).priceCents() * e.getValue();
      }
      String orderId = "o-" + Integer.toHexString((session + ":" + new java.util.TreeMap<>(items)).hashCode());
      String card = Json.text(body, "card", "");
      Payments.Answer charge = payments.charge("{\"amount\":" + total + ",\"currency\":\"EUR\",\"card\":"
          + Json.str(card) + ",\"reference\":" + Json.str(orderId) + "}", traceparent, orderId);
      if (charge.status() >= 300) {
        return new Reply(502, stamp(new StringBuilder("{\"error\":\"payments answered ")
            .append(charge.status()).append('"')));
      }
      String chargeId = Json.text(charge.body(), "id", "");
      if (release.extraPaymentsCall()) {
        payments.charge(chargeId, traceparent);
      }
      carts.remove(session);
      return new Reply(200, stamp(new StringBuilder("{\"orderId\":").append(Json.str(orderId))
          .append(",\"status\":\"paid\",\"total\":").append(price(total)).append(",\"chargeId\":")
          .append(Json.str(chargeId))));
    } finally {
      checkoutsInFlight.decrementAndGet();
    }
  }

  /** Closes an object with the fields that differ on every answer. */
  private static String stamp(StringBuilder object) {
    return object.append(",\"requestId\":").append(Json.str(UUID.randomUUID().toString()))
        .append(",\"servedAt\":").append(Json.str(Instant.now().toString())).append('}').toString();
  }

  private static String price(long cents) {
    return cents / 100 + "." + (cents % 100 < 10 ? "0" : "") + cents % 100;
  }

  private static String session(HttpExchange ex) {
    String header = ex.getRequestHeaders().getFirst("X-Session");
    if (header != null && !header.isBlank()) {
      return header;
    }
    String cookies = ex.getRequestHeaders().getFirst("Cookie");
    if (cookies != null) {
      for (String c : cookies.split(";")) {
        String t = c.trim();
        if (t.startsWith("session=")) {
          return t.substring("session=".length());
        }
      }
    }
    return "anonymous";
  }

  private static String query(HttpExchange ex, String name) {
    String raw = ex.getRequestURI().getRawQuery();
    if (raw == null) {
      return "";
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      if (key.equals(name)) {
        return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return "";
  }

  private static String readBody(HttpExchange ex) throws IOException {
    try (InputStream in = ex.getRequestBody()) {
      byte[] bytes = in.readNBytes(MAX_BODY);
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }
}
