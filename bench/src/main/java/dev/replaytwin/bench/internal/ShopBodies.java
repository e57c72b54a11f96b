package dev.replaytwin.bench.internal;

import dev.replaytwin.bench.internal.Carts.Line;
import dev.replaytwin.bench.internal.Catalog.Product;
import dev.replaytwin.bench.internal.Visitors.Visitor;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The JSON the shop API sends and receives. Main bodies grow item by item until they reach a drawn
 * target of 1–4 KiB, so sizes spread the way paginated API responses do.
 */
public final class ShopBodies {
  private static final String IMAGE_HOST = "https://img.shop.example/p/";
  private static final String[] SHIPPING = {"standard", "express", "next-day"};

  private final Catalog catalog;
  private final SplittableRandom r;

  public ShopBodies(Catalog catalog, SplittableRandom random) {
    this.catalog = catalog;
    this.r = random;
  }

  /** A body size target between 1 and 4 KiB, smaller sizes more likely. */
  public int target() {
    double u = r.nextDouble();
    return 1024 + (int) (3072 * Math.pow(u, 1.4));
  }

  public String search(String query, String category, int page, int pageSize, Instant now) {
    Json j = new Json(4200).obj().str("query", query);
    if (!category.isEmpty()) {
      j.str("category", category);
    }
    int total = r.nextInt(10) == 0 ? r.nextInt(pageSize) : pageSize + r.nextInt(900);
    j.num("page", page).num("pageSize", pageSize).num("total", total).arr("items");
    int target = target();
    for (int i = 0; i < Math.min(total, pageSize) && j.length() < target - 450; i++) {
      summary(j, catalog.popular(r));
    }
    j.endArr().obj("facets").arr("brands");
    for (int i = 0, n = 2 + r.nextInt(5); i < n; i++) {
      j.obj().str("value", Vocabulary.pick(Vocabulary.BRANDS, r)).num("count", 1 + r.nextInt(120)).end();
    }
    j.endArr().obj("price").dec("min", 2 + r.nextDouble() * 20, 2).dec("max", 60 + r.nextDouble() * 400, 2).end()
        .end().str("searchId", Ids.uuid(r)).str("generatedAt", iso(now)).num("tookMs", 3 + r.nextInt(60));
    return j.end().toString();
  }

  public String product(Product p) {
    Json j = new Json(4200).obj().str("id", p.id()).str("sku", p.sku()).str("slug", p.slug()).str("name", p.name())
        .str("brand", p.brand()).str("category", p.category()).str("description", p.description())
        .obj("price").dec("amount", p.price(), 2).dec("listAmount", p.listPrice(), 2).str("currency", p.currency())
        .bool("onSale", p.listPrice() > p.price()).end()
        .obj("attributes").str("color", p.color()).str("material", p.material()).num("weightGrams", p.weightGrams())
        .end().arr("tags");
    for (String t : p.tags()) {
      j.str(t);
    }
    j.endArr().arr("images");
    for (int i = 1, n = 2 + p.index() % 4; i <= n; i++) {
      j.str(IMAGE_HOST + p.sku().toLowerCase(Locale.ROOT) + "/" + i + "-1200x1200.webp");
    }
    j.endArr().arr("stock");
    for (String wh : new String[] {"DUB-1", "AMS-2", "FRA-1"}) {
      j.obj().str("warehouse", wh).num("available", r.nextInt(6) == 0 ? 0 : r.nextInt(400)).end();
    }
    j.endArr().obj("rating").dec("average", p.rating(), 1).num("count", p.reviewCount()).end().arr("reviews");
    for (Catalog.Review review : p.reviews()) {
      j.obj().str("id", review.id()).str("author", review.author()).num("stars", review.stars())
          .str("title", review.title()).str("body", review.body()).str("createdAt", iso(review.createdAt()))
          .num("helpful", review.helpful()).end();
    }
    j.endArr().arr("related");
    for (int related : p.related()) {
      summary(j, catalog.get(related));
    }
    return j.endArr().str("updatedAt", iso(p.updatedAt())).end().toString();
  }

  public String cart(Visitor v, List<Line> lines, Instant now) {
    Json j = new Json(4200).obj().str("cartId", v.cartId());
    if (v.signedIn()) {
      j.str("customerId", v.userId());
    } else {
      j.nul("customerId");
    }
    j.arr("lines");
    double subtotal = 0;
    for (Line l : lines) {
      Product p = l.product();
      subtotal += p.price() * l.quantity();
      int available = r.nextInt(6) == 0 ? 1 + r.nextInt(4) : 10 + r.nextInt(300);
      j.obj().str("lineId", l.lineId()).str("productId", p.id()).str("sku", p.sku()).str("name", p.name())
          .obj("variant").str("color", p.color()).str("size", l.size()).end()
          .num("quantity", l.quantity()).dec("unitPrice", p.price(), 2).dec("listPrice", p.listPrice(), 2)
          .dec("lineTotal", p.price() * l.quantity(), 2).str("currency", p.currency())
          .str("availability", available < 5 ? "low_stock" : "in_stock").num("maxQuantity", Math.min(10, available))
          .str("image", IMAGE_HOST + p.sku().toLowerCase(Locale.ROOT) + "/1-400x400.webp")
          .str("addedAt", iso(l.addedAt())).end();
    }
    double shipping = subtotal > 50 ? 0 : 4.95;
    j.endArr().obj("totals").dec("subtotal", subtotal, 2).dec("shipping", shipping, 2)
        .dec("tax", subtotal * 0.2 / 1.2, 2).dec("total", subtotal + shipping, 2).str("currency", "EUR").end()
        .arr("shippingOptions");
    for (int i = 0; i < SHIPPING.length; i++) {
      j.obj().str("id", SHIPPING[i]).dec("price", i == 0 && subtotal > 50 ? 0 : 4.95 + i * 5, 2)
          .str("estimatedDelivery", iso(now.plusSeconds(86_400L * (4 - i + r.nextInt(2))))).end();
    }
    j.endArr().arr("promotions");
    if (r.nextInt(5) == 0) {
      j.obj().str("code", "SUMMER" + (10 + r.nextInt(3) * 5)).str("description", Vocabulary.paragraph(r, 1)).end();
    }
    return j.endArr().num("loyaltyPoints", v.signedIn() ? r.nextInt(5000) : 0)
        .str("expiresAt", iso(now.plusSeconds(604_800))).str("updatedAt", iso(now)).end().toString();
  }

  public String addToCart(Product p, int quantity) {
    return new Json(160).obj().str("productId", p.id()).str("sku", p.sku()).num("quantity", quantity)
        .str("source", r.nextBoolean() ? "product-page" : "search").end().toString();
  }

  public String checkout(Visitor v, List<Line> lines) {
    Json j = new Json(2048).obj().str("cartId", v.cartId()).str("email", v.email()).obj("shippingAddress");
    address(j, v).end().obj("billingAddress");
    address(j, v).end().str("shippingMethod", r.nextInt(4) == 0 ? "express" : "standard")
        .obj("payment").str("method", "card").str("token", "tok_" + Ids.base64url(r, 24)).end().arr("lines");
    for (Line l : lines) {
      j.obj().str("sku", l.product().sku()).num("quantity", l.quantity()).dec("unitPrice", l.product().price(), 2)
          .end();
    }
    return j.endArr().bool("marketingOptIn", r.nextBoolean()).end().toString();
  }

  public String order(String orderId, Visitor v, List<Line> lines, String chargeId, Instant now) {
    String cart = cart(v, lines, now);
    return new Json(cart.length() + 600).obj().str("orderId", orderId).str("number", "SO-" + (4_100_000
        + r.nextInt(900_000))).str("status", "confirmed").str("chargeId", chargeId).str("placedAt", iso(now))
        .str("estimatedDelivery", iso(now.plusSeconds(86_400L * (2 + r.nextInt(5))))).str("email", v.email())
        .toString() + ",\"cart\":" + cart + "}";
  }

  public String login(String email) {
    return new Json(120).obj().str("email", email).str("password", "[scrubbed]").bool("remember", r.nextBoolean())
        .end().toString();
  }

  public String session(Visitor v, Instant now) {
    Json j = new Json(1600).obj().str("accessToken", v.bearerToken()).str("tokenType", "Bearer")
        .num("expiresIn", 3600).str("refreshToken", Ids.base64url(r, 64)).obj("customer").str("id", v.userId())
        .str("email", v.email()).str("firstName", v.firstName()).str("lastName", v.lastName())
        .str("memberSince", iso(now.minusSeconds(86_400L * r.nextInt(2000)))).str("tier", r.nextInt(5) == 0
            ? "gold" : "standard").obj("defaultAddress");
    return address(j, v).end().end().end().toString();
  }

  public String charge(String orderId, Visitor v, double amount, String idempotencyKey) {
    return new Json(700).obj().dec("amount", amount, 2).str("currency", "EUR").str("orderId", orderId)
        .str("customerEmail", v.email()).str("paymentToken", "tok_" + Ids.base64url(r, 24)).bool("capture", true)
        .str("statementDescriptor", "SHOP.EXAMPLE").obj("metadata").str("idempotencyKey", idempotencyKey)
        .str("service", "shop").str("release", "1.4.2").end().end().toString();
  }

  public String chargeResult(String chargeId, double amount, boolean declined, Instant now) {
    Json j = new Json(1200).obj().str("id", chargeId).str("object", "charge").dec("amount", amount, 2)
        .str("currency", "EUR").str("status", declined ? "declined" : "succeeded").bool("captured", !declined)
        .obj("card").str("brand", r.nextInt(3) == 0 ? "mastercard" : "visa").str("last4", String.format(Locale.ROOT,
            "%04d", r.nextInt(10_000))).num("expMonth", 1 + r.nextInt(12)).num("expYear", 2026 + r.nextInt(6))
        .str("fingerprint", Ids.base64url(r, 16)).str("country", Vocabulary.pick(Vocabulary.COUNTRIES, r)).end()
        .obj("risk").num("score", r.nextInt(100)).str("level", r.nextInt(20) == 0 ? "elevated" : "normal").end();
    if (declined) {
      j.str("failureCode", "card_declined").str("failureMessage", "Your card was declined.");
    }
    return j.str("created", iso(now)).str("balanceTransaction", "txn_" + Ids.base64url(r, 24)).end().toString();
  }

  public String error(int status, String code, String message, String requestId) {
    return new Json(200).obj().num("status", status).str("error", code).str("message", message)
        .str("requestId", requestId).end().toString();
  }

  private Json address(Json j, Visitor v) {
    return j.str("name", v.firstName() + " " + v.lastName()).str("line1", v.street()).str("city", v.city())
        .str("postcode", v.postcode()).str("country", v.country());
  }

  private void summary(Json j, Product p) {
    j.obj().str("id", p.id()).str("sku", p.sku()).str("name", p.name()).str("brand", p.brand())
        .dec("price", p.price(), 2).str("currency", p.currency()).dec("rating", p.rating(), 1)
        .num("reviews", p.reviewCount()).bool("inStock", r.nextInt(8) != 0)
        .str("image", IMAGE_HOST + p.sku().toLowerCase(Locale.ROOT) + "/1-400x400.webp").end();
  }

  /** ISO-8601 instant with milliseconds, as the shop's JSON carries timestamps. */
  public static String iso(Instant t) {
    return Instant.ofEpochMilli(t.toEpochMilli()).toString();
  }
}
