package dev.replaytwin.bench.internal;

import dev.replaytwin.bench.internal.Catalog.Product;
import dev.replaytwin.bench.internal.Carts.Line;
import dev.replaytwin.bench.internal.Visitors.Visitor;
import dev.replaytwin.core.Body;
import dev.replaytwin.core.ContextTags;
import dev.replaytwin.core.Direction;
import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.Headers;
import dev.replaytwin.core.HttpRequest;
import dev.replaytwin.core.HttpResponse;
import dev.replaytwin.core.Timings;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The shop's API, one method per endpoint: each turns an arrival into the exchange the capture
 * proxy would record, and hands calls the shop makes to the payments API to {@code outbound}.
 */
public final class ShopEndpoints {
  private static final String SITE = "https://shop.example";
  private static final String HTTP_1_1 = "HTTP/1.1";

  private final SplittableRandom r;
  private final ContextTags context;
  private final Catalog catalog;
  private final Visitors visitors;
  private final Carts carts;
  private final ShopBodies bodies;
  private final ShopHeaders headers;
  private final Latency latency;
  private final String[] clientConnections = new String[128];
  private final String[] paymentConnections = new String[8];

  /** What every inbound request carries: when, from whom, and its ids. */
  private record Call(long t, Visitor v, String requestId, String trace) {
    Instant instant() {
      return Instant.ofEpochSecond(0, t);
    }
  }

  public ShopEndpoints(SplittableRandom random, ContextTags context, int catalogSize) {
    this.r = random;
    this.context = context;
    this.catalog = new Catalog(random.nextLong(), catalogSize);
    this.visitors = new Visitors(random, 1500);
    this.carts = new Carts(catalog, random);
    this.bodies = new ShopBodies(catalog, random);
    this.headers = new ShopHeaders(random);
    this.latency = new Latency(random);
    for (int i = 0; i < clientConnections.length; i++) {
      clientConnections[i] = clientConnection(true);
    }
    for (int i = 0; i < paymentConnections.length; i++) {
      paymentConnections[i] = "10.42.3.17:" + ephemeralPort() + "->10.60.1.20:8443";
    }
  }

  /** The inbound exchange arriving at {@code t}, epoch nanos; payments calls it makes go to {@code outbound}. */
  public Exchange inbound(long t, Consumer<Exchange> outbound) {
    Call c = new Call(t, visitors.next(), Ids.uuid(r), headers.traceparent());
    int pick = r.nextInt(1000);
    Exchange e;
    if (pick < 290) {
      e = search(c);
    } else if (pick < 540) {
      e = product(c);
    } else if (pick < 640) {
      e = get(c, "/api/v1/cart", SITE + "/cart", 9, cartBody(c, carts.of(c.v().cartId(), c.instant())), "no-store");
    } else if (pick < 720) {
      Product p = catalog.popular(r);
      int quantity = 1 + r.nextInt(2);
      e = send(c, "POST", "/api/v1/cart/items", SITE + "/p/" + p.slug(), bodies.addToCart(p, quantity), 201, 22,
          cartBody(c, carts.add(c.v().cartId(), p, quantity, c.instant())));
    } else if (pick < 760) {
      Line line = carts.anyLine(c.v().cartId(), c.instant());
      int quantity = 1 + r.nextInt(4);
      e = send(c, "PATCH", "/api/v1/cart/items/" + line.lineId(), SITE + "/cart", "{\"quantity\":" + quantity + "}",
          200, 18, cartBody(c, carts.changeQuantity(c.v().cartId(), line, quantity)));
    } else if (pick < 800) {
      e = checkout(c, outbound);
    } else if (pick < 840) {
      e = login(c);
    } else if (pick < 900) {
      e = order(c, outbound);
    } else {
      String category = Vocabulary.pick(Vocabulary.CATEGORIES, r);
      int page = 1 + r.nextInt(3) * r.nextInt(3);
      e = get(c, "/api/v1/categories/" + category + "/products?page=" + page + "&sort=popular",
          SITE + "/c/" + category, 30, bodies.search("", category, page, 24, c.instant()), "private, max-age=60");
    }
    return failSometimes(c, e);
  }

  private Exchange search(Call c) {
    StringBuilder q = new StringBuilder(Vocabulary.pick(r.nextBoolean() ? Vocabulary.NOUNS : Vocabulary.BRANDS, r));
    for (int i = 0, n = r.nextInt(3); i < n; i++) {
      q.insert(0, Vocabulary.pick(r.nextBoolean() ? Vocabulary.COLORS : Vocabulary.ADJECTIVES, r) + " ");
    }
    String query = q.toString();
    String category = r.nextInt(4) == 0 ? Vocabulary.pick(Vocabulary.CATEGORIES, r) : "";
    int page = r.nextInt(5) == 0 ? 2 + r.nextInt(4) : 1;
    String target = "/api/v1/products/search?q=" + query.replace(' ', '+')
        + (category.isEmpty() ? "" : "&category=" + category) + (page > 1 ? "&page=" + page : "")
        + (r.nextInt(3) == 0 ? "&sort=" + (r.nextBoolean() ? "price_asc" : "rating") : "") + "&pageSize=24";
    return get(c, target, SITE + "/search?q=" + query.replace(' ', '+'), 38,
        bodies.search(query, category, page, 24, c.instant()), "private, max-age=30");
  }

  private Exchange product(Call c) {
    Product p = catalog.popular(r);
    if (r.nextInt(100) < 3) {
      String missing = p.sku().substring(0, 8) + (90_000 + r.nextInt(9_999));
      return get(c, "/api/v1/products/" + missing, SITE + "/search", 6, 404,
          bodies.error(404, "not_found", "No product with SKU " + missing, c.requestId()), "no-cache");
    }
    return get(c, "/api/v1/products/" + p.sku(), SITE + "/p/" + p.slug(), 14, 200, bodies.product(p),
        "public, max-age=60", "ETag", p.etag());
  }

  private String cartBody(Call c, List<Line> lines) {
    return bodies.cart(c.v(), lines, c.instant());
  }

  private Exchange checkout(Call c, Consumer<Exchange> outbound) {
    List<Line> lines = carts.of(c.v().cartId(), c.instant());
    double amount = lines.stream().mapToDouble(l -> l.product().price() * l.quantity()).sum();
    String orderId = Ids.uuid(r);
    String chargeId = "ch_" + Ids.base64url(r, 24);
    String idempotencyKey = Ids.uuid(r);
    long payStart = c.t() + latency.nanos(20, 0.4);
    int roll = r.nextInt(1000);
    int payStatus = roll < 40 ? 402 : roll < 47 ? 503 : 200;
    if (payStatus == 200) {
      carts.empty(c.v().cartId());
    }
    String payBody = payStatus == 503 ? bodies.error(503, "unavailable", "Try again later", Ids.uuid(r))
        : bodies.chargeResult(chargeId, amount, payStatus == 402, Instant.ofEpochSecond(0, payStart));
    long payEnd = payments(c, "POST", "/v2/charges", bodies.charge(orderId, c.v(), amount, idempotencyKey),
        idempotencyKey, payStart, 180, payStatus, payBody, outbound);
    long firstByte = payEnd + latency.nanos(12, 0.4);
    String body = switch (payStatus) {
      case 402 -> bodies.error(402, "payment_declined", "Your card was declined.", c.requestId());
      case 503 -> bodies.error(502, "payment_unavailable", "Payment provider unavailable", c.requestId());
      default -> bodies.order(orderId, c.v(), lines, chargeId, Instant.ofEpochSecond(0, firstByte));
    };
    String request = bodies.checkout(c.v(), lines);
    HttpRequest req = new HttpRequest("POST", "/api/v1/checkout", HTTP_1_1,
        headers.inbound(c.v(), SITE + "/checkout", request.length(), c.requestId(), c.trace()),
        Body.ofUtf8(request));
    return respond(c, req, payStatus == 200 ? 201 : payStatus == 402 ? 402 : 502, body, "no-store", firstByte,
        List.of());
  }

  private Exchange login(Call c) {
    String request = bodies.login(c.v().email());
    HttpRequest req = new HttpRequest("POST", "/api/v1/auth/login", HTTP_1_1,
        headers.inbound(c.v(), SITE + "/login", request.length(), c.requestId(), c.trace()),
        Body.ofUtf8(request));
    long firstByte = c.t() + latency.nanos(85, 0.3);
    if (r.nextInt(100) < 12) {
      return respond(c, req, 401, bodies.error(401, "invalid_credentials", "E-mail or password is wrong",
          c.requestId()), "no-store", firstByte, List.of("login-password"));
    }
    Visitor in = visitors.signIn(c.v());
    return respond(c, req, 200, bodies.session(in, c.instant()), "no-store", firstByte, List.of("login-password"),
        "Set-Cookie", in.cookie().substring(0, in.cookie().indexOf(';')) + "; Path=/; Secure; HttpOnly; SameSite=Lax");
  }

  private Exchange order(Call c, Consumer<Exchange> outbound) {
    String orderId = Ids.uuid(r);
    String target = "/api/v1/orders/" + orderId;
    if (!c.v().signedIn()) {
      return get(c, target, SITE + "/account/orders", 4, 401,
          bodies.error(401, "unauthorized", "Sign in to see your orders", c.requestId()), "no-store");
    }
    if (r.nextInt(100) < 8) {
      return get(c, target, SITE + "/account/orders", 7, 404,
          bodies.error(404, "not_found", "No order " + orderId, c.requestId()), "no-store");
    }
    long firstByte = c.t() + latency.nanos(16, 0.5);
    String chargeId = "ch_" + Ids.base64url(r, 24);
    List<Line> lines = carts.pastOrder(c.instant());
    if (r.nextInt(10) < 4) {
      long payStart = c.t() + latency.nanos(6, 0.4);
      double amount = lines.stream().mapToDouble(l -> l.product().price() * l.quantity()).sum();
      long payEnd = payments(c, "GET", "/v2/charges/" + chargeId, null, "", payStart, 45, 200,
          bodies.chargeResult(chargeId, amount, false, Instant.ofEpochSecond(0, payStart - 86_400_000_000_000L)),
          outbound);
      firstByte = payEnd + latency.nanos(5, 0.4);
    }
    HttpRequest req = new HttpRequest("GET", target, HTTP_1_1,
        headers.inbound(c.v(), SITE + "/account/orders", -1, c.requestId(), c.trace()), Body.EMPTY);
    return respond(c, req, 200, bodies.order(orderId, c.v(), lines, chargeId, c.instant()), "private, no-cache",
        firstByte, List.of());
  }

  /** Records a call to the payments API and returns when its response ended. */
  private long payments(Call c, String method, String target, String body, String idempotencyKey, long start,
      double medianMillis, int status, String responseBody, Consumer<Exchange> outbound) {
    int length = body == null ? -1 : body.length();
    HttpRequest req = new HttpRequest(method, target, HTTP_1_1,
        headers.paymentsRequest(length, c.requestId(), headers.childSpan(c.trace()), idempotencyKey),
        body == null ? Body.EMPTY : Body.ofUtf8(body));
    long firstByte = start + latency.nanos(medianMillis, 0.45);
    long end = firstByte + latency.transferNanos(responseBody.length());
    HttpResponse res = new HttpResponse(status, headers.paymentsResponse(firstByte, responseBody.length()),
        Body.ofUtf8(responseBody));
    outbound.accept(new Exchange(Ids.ulid(start / 1_000_000, r), start, Direction.OUTBOUND, "payments",
        paymentConnections[r.nextInt(paymentConnections.length)], req, res, new Timings(start, firstByte, end),
        context, List.of()));
    return end;
  }

  private Exchange get(Call c, String target, String referer, double medianMillis, String body, String cache) {
    return get(c, target, referer, medianMillis, 200, body, cache);
  }

  private Exchange get(Call c, String target, String referer, double medianMillis, int status, String body,
      String cache, String... extraHeaders) {
    HttpRequest req = new HttpRequest("GET", target, HTTP_1_1,
        headers.inbound(c.v(), referer, -1, c.requestId(), c.trace()), Body.EMPTY);
    return respond(c, req, status, body, cache, c.t() + latency.nanos(medianMillis, 0.5), List.of(), extraHeaders);
  }

  private Exchange send(Call c, String method, String target, String referer, String request, int status,
      double medianMillis, String body) {
    HttpRequest req = new HttpRequest(method, target, HTTP_1_1,
        headers.inbound(c.v(), referer, request.length(), c.requestId(), c.trace()), Body.ofUtf8(request));
    return respond(c, req, status, body, "no-store", c.t() + latency.nanos(medianMillis, 0.45), List.of());
  }

  private Exchange respond(Call c, HttpRequest req, int status, String body, String cache, long firstByte,
      List<String> scrubRules, String... extraHeaders) {
    HttpResponse res = new HttpResponse(status, headers.response(firstByte, body.length(), cache, c.requestId(),
        firstByte - c.t(), extraHeaders), Body.ofUtf8(body));
    Timings timings = new Timings(c.t(), firstByte, firstByte + latency.transferNanos(body.length()));
    return new Exchange(Ids.ulid(c.t() / 1_000_000, r), c.t(), Direction.INBOUND, "", clientConnection(false), req, res,
        timings, context, scrubRules);
  }

  /** Now and then the shop fails: 0.6% 500s, 0.15% 503s, 0.1% no response at all (the client gave up). */
  private Exchange failSometimes(Call c, Exchange e) {
    int roll = r.nextInt(10_000);
    if (roll >= 85) {
      return e;
    }
    if (roll < 10) {
      return new Exchange(e.id(), e.captureTimeNanos(), e.direction(), e.dependency(), e.connectionId(), e.request(),
          null, Timings.startedAt(c.t()), context, e.scrubRulesFired());
    }
    int status = roll < 70 ? 500 : 503;
    String body = bodies.error(status, status == 500 ? "internal" : "unavailable",
        status == 500 ? "Unexpected error; reference " + c.requestId() : "Service busy, retry shortly", c.requestId());
    long firstByte = c.t() + latency.nanos(status == 500 ? 120 : 3, 0.9);
    HttpResponse res = new HttpResponse(status, headers.response(firstByte, body.length(), "no-store", c.requestId(),
        firstByte - c.t(), status == 503 ? new String[] {"Retry-After", "5"} : new String[0]), Body.ofUtf8(body));
    return new Exchange(e.id(), e.captureTimeNanos(), e.direction(), e.dependency(), e.connectionId(), e.request(),
        res, new Timings(c.t(), firstByte, firstByte + latency.transferNanos(body.length())), context,
        e.scrubRulesFired());
  }

  /** A load-balancer connection to the shop: a kept-alive one, and once in a while a new one. */
  private String clientConnection(boolean fresh) {
    if (fresh) {
      return "10.42." + r.nextInt(16) + "." + (2 + r.nextInt(250)) + ":" + ephemeralPort() + "->10.42.3.17:8080";
    }
    int slot = r.nextInt(clientConnections.length);
    if (r.nextInt(200) == 0) {
      clientConnections[slot] = clientConnection(true);
    }
    return clientConnections[slot];
  }

  private int ephemeralPort() {
    return 32_768 + r.nextInt(28_000);
  }
}
