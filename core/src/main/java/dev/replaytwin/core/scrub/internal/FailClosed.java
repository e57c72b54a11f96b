package dev.replaytwin.core.scrub.internal;

import dev.replaytwin.core.Body;
import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.Header;
import dev.replaytwin.core.Headers;
import dev.replaytwin.core.HttpRequest;
import dev.replaytwin.core.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * What is stored when scrubbing an exchange failed unexpectedly: nothing that could hold personal
 * data. The target becomes {@code /} and the marker, every header value the marker, bodies are
 * dropped, the connection id is the marker; method, status, names of headers, timings and context
 * are kept, and the rule {@value #RULE} is reported.
 */
public final class FailClosed {
  public static final String RULE = "scrub:failed";

  private FailClosed() {}

  public static Exchange of(Exchange e, String marker) {
    HttpRequest request = e.request();
    HttpRequest redactedRequest = new HttpRequest(request.method(),
        "/" + PercentCodec.encode(marker, PercentCodec.Component.PATH_SEGMENT), request.httpVersion(),
        redacted(request.headers(), marker), Body.EMPTY);
    HttpResponse response = e.response() == null ? null
        : new HttpResponse(e.response().status(), redacted(e.response().headers(), marker), Body.EMPTY);
    List<String> rules = new ArrayList<>(e.scrubRulesFired());
    rules.add(RULE);
    return new Exchange(e.id(), e.captureTimeNanos(), e.direction(), e.dependency(), marker, redactedRequest,
        response, e.timings(), e.context(), rules);
  }

  private static Headers redacted(Headers headers, String marker) {
    List<Header> out = new ArrayList<>(headers.size());
    for (Header h : headers.entries()) {
      out.add(new Header(h.name(), marker));
    }
    return new Headers(out);
  }
}
