package dev.replaytwin.cli;

import dev.replaytwin.core.Body;
import dev.replaytwin.core.ContextTags;
import dev.replaytwin.core.Direction;
import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.Header;
import dev.replaytwin.core.Headers;
import dev.replaytwin.core.HttpRequest;
import dev.replaytwin.core.HttpResponse;
import dev.replaytwin.core.Timings;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds exchanges for CLI tests with readable defaults: inbound, 200 with an empty body, 5 ms.
 *
 * <pre>{@code
 * Exchange e = TestExchange.request("GET", "/users/1").id("ex-1").at(T0.plusMillis(10)).status(404).build();
 * }</pre>
 */
final class TestExchange {
  static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

  private final String method;
  private final String target;
  private String id = "ex";
  private long atNanos = nanos(T0);
  private String dependency = "";
  private final List<Header> requestHeaders = new ArrayList<>();
  private Body requestBody = Body.EMPTY;
  private Integer status = 200;
  private final List<Header> responseHeaders = new ArrayList<>();
  private Body responseBody = Body.EMPTY;
  private long tookNanos = 5_000_000L;
  private ContextTags context = ContextTags.EMPTY;
  private List<String> scrubRules = List.of();

  private TestExchange(String method, String target) {
    this.method = method;
    this.target = target;
  }

  static TestExchange request(String method, String target) {
    return new TestExchange(method, target);
  }

  static TestExchange get(String target) {
    return request("GET", target);
  }

  static long nanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }

  TestExchange id(String id) {
    this.id = id;
    return this;
  }

  TestExchange at(Instant at) {
    this.atNanos = nanos(at);
    return this;
  }

  TestExchange atNanos(long epochNanos) {
    this.atNanos = epochNanos;
    return this;
  }

  TestExchange outbound(String dependency) {
    this.dependency = dependency;
    return this;
  }

  TestExchange requestHeader(String name, String value) {
    requestHeaders.add(new Header(name, value));
    return this;
  }

  TestExchange requestBody(String utf8) {
    this.requestBody = Body.ofUtf8(utf8);
    return this;
  }

  TestExchange status(int status) {
    this.status = status;
    return this;
  }

  TestExchange noResponse() {
    this.status = null;
    return this;
  }

  TestExchange responseHeader(String name, String value) {
    responseHeaders.add(new Header(name, value));
    return this;
  }

  TestExchange responseBody(String utf8) {
    this.responseBody = Body.wrap(utf8.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  TestExchange responseBody(Body body) {
    this.responseBody = body;
    return this;
  }

  /** Request start to response end; a negative value leaves the response end unrecorded. */
  TestExchange tookNanos(long nanos) {
    this.tookNanos = nanos;
    return this;
  }

  TestExchange context(ContextTags context) {
    this.context = context;
    return this;
  }

  TestExchange scrubRules(String... rules) {
    this.scrubRules = List.of(rules);
    return this;
  }

  Exchange build() {
    HttpRequest request = new HttpRequest(method, target, "HTTP/1.1", new Headers(requestHeaders), requestBody);
    HttpResponse response = status == null ? null : new HttpResponse(status, new Headers(responseHeaders), responseBody);
    Timings timings = status == null || tookNanos < 0
        ? Timings.startedAt(atNanos)
        : new Timings(atNanos, atNanos + tookNanos / 2, atNanos + tookNanos);
    return new Exchange(id, atNanos, dependency.isEmpty() ? Direction.INBOUND : Direction.OUTBOUND, dependency,
        "conn-1", request, response, timings, context, scrubRules);
  }
}
