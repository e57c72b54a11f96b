package dev.replaytwin.core;

import static java.util.Objects.requireNonNull;

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
}
