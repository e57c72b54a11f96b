package dev.replaytwin.core.capture;

import dev.replaytwin.core.Body;
import dev.replaytwin.core.ContextTags;
import dev.replaytwin.core.Direction;
import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.Header;
import dev.replaytwin.core.Headers;
import dev.replaytwin.core.HttpRequest;
import dev.replaytwin.core.HttpResponse;
import dev.replaytwin.core.Timings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** Seeded random exchanges covering the awkward corners of the model. */
final class RandomExchanges {
  private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"};
  private static final String[] NON_ASCII = {"café", "日本語", "Ünïcödé", "emoji 😀", "Ωμέγα", "\u0000nul"};

  private final Random random;
  private final long startNanos;
  private final boolean compact;
  private int counter;

  RandomExchanges(long seed) {
    this(seed, false);
  }

  /** {@code compact}: no 64 KiB headers and bodies under 512 bytes, for tests that make many copies. */
  RandomExchanges(long seed, boolean compact) {
    this.random = new Random(seed);
    this.startNanos = 1_763_700_000_000_000_000L;
    this.compact = compact;
  }

  List<Exchange> list(int n) {
    List<Exchange> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(next());
    }
    return out;
  }

  /** Exchanges one millisecond apart, so tests can cut by time. */
  Exchange next() {
    long t = startNanos + counter * 1_000_000L;
    counter++;
    boolean outbound = random.nextInt(4) == 0;
    HttpRequest req = new HttpRequest(METHODS[random.nextInt(METHODS.length)], target(), "HTTP/1.1", headers(),
        body());
    HttpResponse res = random.nextInt(10) == 0 ? null
        : new HttpResponse(100 + random.nextInt(500), headers(), body());
    Timings timings = switch (random.nextInt(3)) {
      case 0 -> Timings.startedAt(t);
      case 1 -> new Timings(t, t + random.nextInt(1_000_000), Timings.NOT_RECORDED);
      default -> new Timings(t, t + random.nextInt(1_000_000), t + 1_000_000 + random.nextInt(50_000_000));
    };
    return new Exchange("ex-" + counter + "-" + Long.toHexString(random.nextLong()), t,
        outbound ? Direction.OUTBOUND : Direction.INBOUND, outbound ? "payments" : "",
        "conn-" + random.nextInt(100), req, res, timings, context(), rules());
  }

  private String target() {
    String path = "/api/v" + random.nextInt(3) + "/items/" + random.nextInt(100_000);
    return switch (random.nextInt(4)) {
      case 0 -> path + "?q=" + word() + "&page=" + random.nextInt(9);
      case 1 -> path + "/" + NON_ASCII[random.nextInt(NON_ASCII.length)];
      default -> path;
    };
  }

  private Headers headers() {
    int n = random.nextInt(12);
    List<Header> list = new ArrayList<>(n + 4);
    for (int i = 0; i < n; i++) {
      list.add(new Header("X-H" + random.nextInt(5), word()));
    }
    switch (random.nextInt(8)) {
      case 0 -> {
        // Many values for one name, in order.
        for (int i = 0; i < 40; i++) {
          list.add(new Header("Set-Cookie", "c" + i + "=" + word()));
        }
      }
      case 1 -> list.add(new Header("X-Large", "v".repeat((compact ? 100 : 64 * 1024) + random.nextInt(1000))));
      case 2 -> list.add(new Header("X-Text", NON_ASCII[random.nextInt(NON_ASCII.length)]));
      case 3 -> list.add(new Header("x-empty", ""));
      default -> { }
    }
    return new Headers(list);
  }

  private Body body() {
    return switch (random.nextInt(6)) {
      case 0 -> Body.EMPTY;
      case 1 -> {
        byte[] b = new byte[random.nextInt(compact ? 512 : 4096)];
        random.nextBytes(b);
        yield Body.of(b);
      }
      case 2 -> {
        byte[] b = new byte[1 + random.nextInt(300)];
        random.nextBytes(b);
        yield Body.truncated(b, b.length + 1 + random.nextInt(1 << 20));
      }
      case 3 -> Body.ofUtf8("{\"name\":\"" + NON_ASCII[random.nextInt(NON_ASCII.length)] + "\",\"n\":"
          + random.nextInt() + "}");
      default -> Body.ofUtf8("{\"id\":" + random.nextInt(1000) + ",\"word\":\"" + word() + "\"}");
    };
  }

  private ContextTags context() {
    if (random.nextBoolean()) {
      return ContextTags.EMPTY;
    }
    Map<String, String> extra = new TreeMap<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      extra.put("k" + i, word());
    }
    return new ContextTags("shop", "prod", random.nextBoolean() ? "eu-west-1" : "", "1.4." + random.nextInt(9),
        extra);
  }

  private List<String> rules() {
    return random.nextInt(3) == 0 ? List.of("email", "card-number") : List.of();
  }

  private String word() {
    int n = 1 + random.nextInt(12);
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append((char) ('a' + random.nextInt(26)));
    }
    return sb.toString();
  }
}
