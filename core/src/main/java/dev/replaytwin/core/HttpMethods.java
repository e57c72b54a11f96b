package dev.replaytwin.core;

import java.util.Set;

/**
 * What RFC 9110 (section 9.2) says of request methods. Method names are case-sensitive, as the RFC
 * has them: {@code get} is not {@code GET}.
 */
public final class HttpMethods {
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE");

  private HttpMethods() {}

  /** GET, HEAD, OPTIONS and TRACE: read-only by definition; anything else may change state. */
  public static boolean isSafe(String method) {
    return SAFE.contains(method);
  }

  /** The safe methods, PUT and DELETE: sending one twice has the effect of sending it once. */
  public static boolean isIdempotent(String method) {
    return IDEMPOTENT.contains(method);
  }
}
