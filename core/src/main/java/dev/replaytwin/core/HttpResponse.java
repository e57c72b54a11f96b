package dev.replaytwin.core;

import static java.util.Objects.requireNonNull;

/** A captured response. */
public record HttpResponse(int status, Headers headers, Body body) {
  public HttpResponse {
    requireNonNull(headers, "headers");
    requireNonNull(body, "body");
    if (status < 100 || status > 999) {
      throw new IllegalArgumentException("status: " + status + " (expected: 100..999)");
    }
  }
}
