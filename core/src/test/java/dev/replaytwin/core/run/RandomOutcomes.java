package dev.replaytwin.core.run;

import dev.replaytwin.core.Body;
import dev.replaytwin.core.Headers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random outcomes in every shape a row can take; the same seed gives the same rows. */
final class RandomOutcomes {
  private static final String[] ENDPOINTS = {"GET /users/{id}", "POST /orders", "GET /search", "PUT /files/{code}",
      "DELETE /carts/{uuid}/items/{id}"};
  private static final String[] TEXT = {"{\"ok\":true}", "café crème", "日本語", "emoji 😀", "line\nbreak\ttab",
      "quote \" backslash \\", "\u0000nul", "<html>ünïcödé</html>"};
  private static final ErrorKind[] ERRORS = {ErrorKind.REFUSED, ErrorKind.RESET, ErrorKind.TIMEOUT, ErrorKind.TLS,
      ErrorKind.PROTOCOL, ErrorKind.UNRESOLVED, ErrorKind.DROPPED, ErrorKind.OTHER};

  private final Random random;
  private long counter;

  RandomOutcomes(long seed) {
    this.random = new Random(seed);
  }

  List<Outcome> list(int n) {
    List<Outcome> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(next());
    }
    return out;
  }

  Outcome next() {
    counter++;
    String endpoint = ENDPOINTS[random.nextInt(ENDPOINTS.length)];
    String method = endpoint.substring(0, endpoint.indexOf(' '));
    long intended = 1_763_700_000_000_000_000L + counter * 1_000_000L;
    String id = "ex-" + counter;
    int loop = random.nextInt(3);
    if (random.nextInt(8) == 0) {
      ErrorKind error = ERRORS[random.nextInt(ERRORS.length)];
      long sent = error == ErrorKind.DROPPED ? -1 : intended + random.nextInt(100_000);
      return new Outcome(id, loop, endpoint, method, intended, sent, -1, -1, 0, error,
          random.nextBoolean() ? "" : error.label() + " after " + random.nextInt(30) + " s", -1, "", "", Body.EMPTY);
    }
    long sent = intended + random.nextInt(100_000);
    long service = random.nextInt(50_000_000);
    Body body = body();
    long size = body.originalLength();
    return new Outcome(id, loop, endpoint, method, intended, sent, sent - intended + service, service,
        100 + random.nextInt(500), ErrorKind.NONE, "", size, size == 0 ? "" : "sha256:" + Long.toHexString(
        random.nextLong()), random.nextBoolean() ? "application/json" : "", body, headers());
  }

  private Headers headers() {
    return switch (random.nextInt(3)) {
      case 0 -> Headers.EMPTY;
      case 1 -> Headers.of("Content-Type", "application/json", "Cache-Control", "no-store");
      default -> Headers.of("Set-Cookie", "a=1", "Set-Cookie", "b=" + TEXT[random.nextInt(TEXT.length)],
          "X-Empty", "");
    };
  }

  private Body body() {
    return switch (random.nextInt(6)) {
      case 0 -> Body.EMPTY;
      case 1 -> Body.of(bytes(1 + random.nextInt(300)));
      case 2 -> Body.truncated(bytes(random.nextInt(64)), 64 + random.nextInt(1 << 20));
      case 3 -> Body.truncated(text(), 1 << 20);
      default -> Body.wrap(text());
    };
  }

  private byte[] bytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  private byte[] text() {
    StringBuilder s = new StringBuilder();
    for (int i = random.nextInt(5); i >= 0; i--) {
      s.append(TEXT[random.nextInt(TEXT.length)]);
    }
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }
}
