package dev.replaytwin.core.scrub.internal;

import dev.replaytwin.core.Body;
import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.Headers;
import dev.replaytwin.core.HttpRequest;
import dev.replaytwin.core.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Scrubs a whole exchange: request target, headers and body, response headers and body, and the
 * connection id (which may hold a client address). Immutable and thread-safe.
 */
public final class ExchangeScrubber {
  private final ValueScrubber values;
  private final TargetScrubber target;
  private final HeaderScrubber headers;
  private final BodyScrubber bodies;

  public ExchangeScrubber(PolicyRules rules, KeyedHash hash) {
    this.values = new ValueScrubber(rules, new Pseudonymiser(hash));
    UrlEncodedScrubber urlEncoded = new UrlEncodedScrubber(values);
    this.target = new TargetScrubber(values, urlEncoded);
    this.headers = new HeaderScrubber(values, new CookieScrubber(values), target);
    this.bodies = new BodyScrubber(values, new JsonScrubber(rules.json(), values),
        new JsonTextFallback(rules.json(), values), urlEncoded);
  }

  /** The scrubbed exchange, recording what fired in {@code firing}; the same instance when nothing changed. */
  public Exchange scrub(Exchange exchange, Firing firing) {
    HttpRequest request = request(exchange.request(), firing);
    HttpResponse response = exchange.response() == null ? null : response(exchange.response(), firing);
    String connectionId = values.detect(exchange.connectionId(), firing);
    if (firing.isEmpty() && request == exchange.request() && response == exchange.response()) {
      return exchange;
    }
    return new Exchange(exchange.id(), exchange.captureTimeNanos(), exchange.direction(), exchange.dependency(),
        connectionId, request, response, exchange.timings(), exchange.context(),
        rulesFired(exchange.scrubRulesFired(), firing));
  }

  private HttpRequest request(HttpRequest request, Firing firing) {
    String scrubbedTarget = target.scrub(request.target(), firing);
    BodyScrubber.Result body = bodies.scrub(request.headers(), request.body(), firing);
    Headers h = headers.scrub(body == null ? request.headers() : body.headers(), firing);
    Body b = body == null ? request.body() : body.body();
    if (scrubbedTarget == request.target() && h == request.headers() && b == request.body()) {
      return request;
    }
    return new HttpRequest(request.method(), scrubbedTarget, request.httpVersion(), h, b);
  }

  private HttpResponse response(HttpResponse response, Firing firing) {
    BodyScrubber.Result body = bodies.scrub(response.headers(), response.body(), firing);
    Headers h = headers.scrub(body == null ? response.headers() : body.headers(), firing);
    Body b = body == null ? response.body() : body.body();
    if (h == response.headers() && b == response.body()) {
      return response;
    }
    return new HttpResponse(response.status(), h, b);
  }

  private static List<String> rulesFired(List<String> before, Firing firing) {
    if (firing.isEmpty()) {
      return before;
    }
    LinkedHashSet<String> all = new LinkedHashSet<>(before);
    all.addAll(firing.rules());
    return new ArrayList<>(all);
  }
}
