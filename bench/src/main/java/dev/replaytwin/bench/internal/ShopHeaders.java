package dev.replaytwin.bench.internal;

import dev.replaytwin.bench.internal.Visitors.Visitor;
import dev.replaytwin.core.Header;
import dev.replaytwin.core.Headers;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** The header sets the load balancer forwards to the shop, the shop answers with, and the payments API uses. */
public final class ShopHeaders {
  private static final String PAYMENTS_KEY = "sk_live_51NqRkT2eZvKYlo2CqX9mB3hQ7wPzD0sLcJ4uF8";
  private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  private final SplittableRandom r;
  private long dateSecond = Long.MIN_VALUE;
  private String date = "";

  public ShopHeaders(SplittableRandom random) {
    this.r = random;
  }

  /** A W3C trace context header for a new trace. */
  public String traceparent() {
    return "00-" + Ids.hex(r, 32) + "-" + Ids.hex(r, 16) + "-01";
  }

  /** The same trace as {@code parent}, a new span. */
  public String childSpan(String parent) {
    return parent.substring(0, 36) + Ids.hex(r, 16) + "-01";
  }

  public Headers inbound(Visitor v, String referer, int bodyLength, String requestId,
      String traceparent) {
    List<Header> h = new ArrayList<>(16);
    h.add(new Header("Host", "api.shop.example"));
    h.add(new Header("User-Agent", v.userAgent()));
    boolean browser = v.userAgent().startsWith("Mozilla/5.0 (") && !v.userAgent().contains("Googlebot");
    h.add(new Header("Accept", browser ? "application/json, text/plain, */*" : "application/json"));
    h.add(new Header("Accept-Language", v.acceptLanguage()));
    h.add(new Header("Accept-Encoding", "gzip, deflate, br, zstd"));
    if (v.signedIn()) {
      h.add(new Header("Authorization", "Bearer " + v.bearerToken()));
    }
    if (bodyLength >= 0) {
      h.add(new Header("Content-Type", "application/json"));
      h.add(new Header("Content-Length", Integer.toString(bodyLength)));
    }
    if (browser) {
      h.add(new Header("Origin", "https://shop.example"));
      h.add(new Header("Referer", referer));
      h.add(new Header("Cookie", v.cookie()));
    }
    h.add(new Header("X-Request-Id", requestId));
    h.add(new Header("X-Forwarded-For", v.clientIp()));
    h.add(new Header("X-Forwarded-Proto", "https"));
    h.add(new Header("traceparent", traceparent));
    return new Headers(h);
  }

  public Headers response(long nowNanos, int bodyLength, String cacheControl, String requestId, long serviceNanos,
      String... extra) {
    List<Header> h = new ArrayList<>(12 + extra.length / 2);
    h.add(new Header("Date", date(nowNanos)));
    h.add(new Header("Content-Type", "application/json; charset=utf-8"));
    h.add(new Header("Content-Length", Integer.toString(bodyLength)));
    h.add(new Header("Connection", "keep-alive"));
    h.add(new Header("Cache-Control", cacheControl));
    h.add(new Header("Vary", "Accept-Encoding, Origin"));
    for (int i = 0; i < extra.length; i += 2) {
      h.add(new Header(extra[i], extra[i + 1]));
    }
    h.add(new Header("X-Request-Id", requestId));
    h.add(new Header("Server-Timing", "app;dur=" + String.format(Locale.ROOT, "%.1f", serviceNanos / 1e6)));
    h.add(new Header("Strict-Transport-Security", "max-age=63072000; includeSubDomains; preload"));
    return new Headers(h);
  }

  public Headers paymentsRequest(int bodyLength, String requestId, String traceparent, String idempotencyKey) {
    List<Header> h = new ArrayList<>(10);
    h.add(new Header("Host", "payments.internal:8443"));
    h.add(new Header("User-Agent", "shop/1.4.2 okhttp/4.12.0"));
    h.add(new Header("Accept", "application/json"));
    h.add(new Header("Authorization", "Bearer " + PAYMENTS_KEY));
    if (bodyLength >= 0) {
      h.add(new Header("Content-Type", "application/json; charset=utf-8"));
      h.add(new Header("Content-Length", Integer.toString(bodyLength)));
      h.add(new Header("Idempotency-Key", idempotencyKey));
    }
    h.add(new Header("X-Request-Id", requestId));
    h.add(new Header("traceparent", traceparent));
    return new Headers(h);
  }

  public Headers paymentsResponse(long nowNanos, int bodyLength) {
    return Headers.of("Date", date(nowNanos), "Content-Type", "application/json", "Content-Length",
        Integer.toString(bodyLength), "Request-Id", "req_" + Ids.base64url(r, 14), "X-RateLimit-Limit", "1000",
        "X-RateLimit-Remaining", Integer.toString(200 + r.nextInt(800)));
  }

  /** The {@code Date} header for a moment, epoch nanos; formatted once per second. */
  public String date(long nanos) {
    long second = Math.floorDiv(nanos, 1_000_000_000L);
    if (second != dateSecond) {
      dateSecond = second;
      date = HTTP_DATE.format(Instant.ofEpochSecond(second));
    }
    return date;
  }
}
