package dev.replaytwin.scenario.demo;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for the external payments API the demo shop charges, for recording the demo capture:
 * the egress capture of its answers is what {@code twin stubs} makes the payments simulators from.
 * {@code POST /v1/charges} creates a charge (the same one again for a repeated
 * {@code Idempotency-Key}; the sandbox card {@value Shopper#DECLINED_CARD} is declined with 402),
 * {@code GET /v1/charges/{id}} reads one back. Answers take a log-normal 20-60 ms or so, as a remote
 * API does.
 *
 * <pre>{@code
 * java -cp replaytwin-scenarios.jar dev.replaytwin.scenario.demo.PaymentsStandIn --port 9000
 * }</pre>
 */
public final class PaymentsStandIn implements AutoCloseable {
  private static final int MAX_BODY = 64 * 1024;
  private static final int MAX_CHARGES = 100_000;

  private final DemoServer server;
  private final Map<String, String> charges = new ConcurrentHashMap<>();
  private final Map<String, String> byIdempotencyKey = new ConcurrentHashMap<>();
  private final SplittableRandom seeds;

  public PaymentsStandIn(String host, int port, long seed) throws IOException {
    this.seeds = new SplittableRandom(seed);
    this.server = new DemoServer(host, port, 128, "payments-worker", this::handle);
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
    long seed;
    try {
      DemoOptions options = DemoOptions.parse(args, List.of("--host", "--port", "--seed"), List.of(),
          "expected: --host, --port, --seed");
      host = options.text("--host", "127.0.0.1");
      port = options.port("--port", 0);
      seed = options.whole("--seed", 1);
    } catch (IllegalArgumentException e) {
      System.err.println("payments: " + e.getMessage());
      System.exit(2);
      return;
    }
    PaymentsStandIn payments = new PaymentsStandIn(host, port, seed);
    Runtime.getRuntime().addShutdownHook(new Thread(payments::close, "payments-stop"));
    System.out.println("payments stand-in listening on http://" + host + ":" + payments.port());
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      SplittableRandom random;
      synchronized (seeds) {
        random = seeds.split();
      }
      pause(random);
      String method = ex.getRequestMethod();
      String path = ex.getRequestURI().getPath();
      int status;
      String body;
      if (method.equals("POST") && path.equals("/v1/charges")) {
        String request;
        try (InputStream in = ex.getRequestBody()) {
          request = new String(in.readNBytes(MAX_BODY), StandardCharsets.UTF_8);
        }
        String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
        String card = Json.text(request, "card", "").replace(" ", "").replace("-", "");
        if (card.equals(Shopper.DECLINED_CARD)) {
          status = 402;
          body = "{\"error\":{\"type\":\"card_error\",\"code\":\"card_declined\",\"message\":\"Your card was declined.\"}}";
        } else if (Json.number(request, "amount", -1) <= 0 || card.length() < 12) {
          status = 400;
          body = "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"amount and card are required\"}}";
        } else {
          String existing = key == null ? null : byIdempotencyKey.get(key);
          body = existing != null ? charges.get(existing) : create(request, card, key, random);
          status = 200;
        }
      } else if (method.equals("GET") && path.startsWith("/v1/charges/")) {
        body = charges.get(path.substring("/v1/charges/".length()));
        status = body == null ? 404 : 200;
        if (body == null) {
          body = "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"No such charge\"}}";
        }
      } else {
        status = 404;
        body = "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Unrecognized request URL\"}}";
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.getResponseHeaders().set("Request-Id", "req_" + token(random, 14));
      ex.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private String create(String request, String card, String idempotencyKey, SplittableRandom random) {
    String id = "ch_" + token(random, 24);
    String charge = "{\"id\":\"" + id + "\",\"object\":\"charge\",\"status\":\"succeeded\",\"amount\":"
        + Json.number(request, "amount", 0) + ",\"currency\":" + Json.str(Json.text(request, "currency", "EUR"))
        + ",\"reference\":" + Json.str(Json.text(request, "reference", "")) + ",\"card\":{\"last4\":\""
        + card.substring(card.length() - 4) + "\",\"brand\":\"" + (card.startsWith("5") ? "mastercard" : "visa")
        + "\"},\"created\":" + Instant.now().getEpochSecond() + "}";
    // A bound on memory for a stand-in left running: past it, old charges are simply not kept.
    if (charges.size() < MAX_CHARGES) {
      charges.put(id, charge);
      if (idempotencyKey != null) {
        byIdempotencyKey.put(idempotencyKey, id);
      }
    }
    return charge;
  }

  /** A remote API's latency: log-normal, median 32 ms, most answers between 20 and 60 ms. */
  private static void pause(SplittableRandom random) {
    double z = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    long millis = Math.max(8, Math.min(500, Math.round(32 * Math.exp(0.3 * z))));
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String token(SplittableRandom random, int length) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return b.toString();
  }
}
