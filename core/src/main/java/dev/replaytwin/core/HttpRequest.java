package dev.replaytwin.core;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.core.endpoint.internal.RequestTarget;

/**
 * A captured request.
 *
 * @param method the method as sent, e.g. {@code GET}
 * @param target the request target as sent: origin form {@code /path?query}, or absolute form
 * @param httpVersion e.g. {@code HTTP/1.1}
 */
public record HttpRequest(String method, String target, String httpVersion, Headers headers, Body body) {
  public HttpRequest {
    requireNonNull(method, "method");
    requireNonNull(target, "target");
    requireNonNull(httpVersion, "httpVersion");
    requireNonNull(headers, "headers");
    requireNonNull(body, "body");
    if (method.isEmpty()) {
      throw new IllegalArgumentException("method: \"\" (expected: an HTTP method)");
    }
  }

  /**
   * The target as it is sent to another server: path and query. An absolute-form target loses its
   * scheme and authority ({@code http://shop/a?b} is {@code /a?b}, {@code http://shop} is
   * {@code /}); {@code *} stays; anything else not starting with {@code /} gets one.
   */
  public String originForm() {
    int start = RequestTarget.pathStart(target);
    String rest = target.substring(start);
    return rest.startsWith("/") || (start == 0 && rest.equals("*")) ? rest : "/" + rest;
  }

  /** The path of {@link #originForm()}, without query or fragment. */
  public String path() {
    String origin = originForm();
    return origin.substring(0, RequestTarget.pathEnd(origin, 0));
  }
}
