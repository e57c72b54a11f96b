package dev.replaytwin.proxy.internal;

import dev.replaytwin.core.ContextTags;
import dev.replaytwin.core.Direction;
import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.Header;
import dev.replaytwin.core.Headers;
import dev.replaytwin.core.HttpRequest;
import dev.replaytwin.core.HttpResponse;
import dev.replaytwin.core.Nullable;
import dev.replaytwin.core.Timings;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Copies one exchange as it streams through, on the event loop: heads, and bodies up to the capture
 * limit. Scrubbing and encoding happen later, on the capture writer's thread.
 */
final class ExchangeRecorder {
  private final String id;
  private final long startNanos;
  private final String connectionId;
  private final String dependency;
  private final String method;
  private final String target;
  private final String httpVersion;
  private final Headers requestHeaders;
  private final BodyCopy requestBody;
  private final BodyCopy responseBody;
  private int status = -1;
  private Headers responseHeaders = Headers.EMPTY;
  private long firstByteNanos = Timings.NOT_RECORDED;

  ExchangeRecorder(String id, long startNanos, String connectionId, String dependency,
      io.netty.handler.codec.http.HttpRequest forwarded, String httpVersion, int bodyLimit) {
    this.id = id;
    this.startNanos = startNanos;
    this.connectionId = connectionId;
    this.dependency = dependency;
    this.method = forwarded.method().name();
    this.target = forwarded.uri();
    this.httpVersion = httpVersion;
    this.requestHeaders = headers(forwarded.headers());
    this.requestBody = new BodyCopy(bodyLimit);
    this.responseBody = new BodyCopy(bodyLimit);
  }

  void requestContent(ByteBuf content) {
    requestBody.append(content);
  }

  void responseHead(io.netty.handler.codec.http.HttpResponse response, long nowNanos) {
    status = response.status().code();
    responseHeaders = headers(response.headers());
    firstByteNanos = nowNanos;
  }

  void responseContent(ByteBuf content) {
    responseBody.append(content);
  }

  /** Bytes this copy holds, for the capture queue's memory bound. */
  long retainedBytes() {
    return requestBody.retained() + responseBody.retained() + 512L;
  }

  /** The exchange; without a response when none (or only part of one) arrived. */
  Exchange finish(long endNanos, boolean responseComplete, ContextTags context) {
    HttpRequest request = new HttpRequest(method, target, httpVersion, requestHeaders, requestBody.toBody());
    @Nullable HttpResponse response = responseComplete && status >= 0
        ? new HttpResponse(status, responseHeaders, responseBody.toBody())
        : null;
    Timings timings = new Timings(startNanos, firstByteNanos,
        responseComplete ? endNanos : Timings.NOT_RECORDED);
    Direction direction = dependency.isEmpty() ? Direction.INBOUND : Direction.OUTBOUND;
    return new Exchange(id, startNanos, direction, dependency, connectionId, request, response, timings,
        context, List.of());
  }

  private static Headers headers(HttpHeaders in) {
    List<Map.Entry<String, String>> entries = HeaderRules.forCapture(in);
    List<Header> out = new ArrayList<>(entries.size());
    for (Map.Entry<String, String> e : entries) {
      out.add(new Header(e.getKey(), e.getValue()));
    }
    return new Headers(out);
  }
}
