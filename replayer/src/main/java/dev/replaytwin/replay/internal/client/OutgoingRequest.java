package dev.replaytwin.replay.internal.client;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.core.Headers;

/**
 * A request as the dispatcher hands it to a {@link TargetClient}. The client sets {@code Host} to
 * the target's authority and {@code Content-Length} itself, and leaves out hop-by-hop fields
 * ({@code Connection}, {@code Keep-Alive}, {@code Proxy-Connection}, {@code TE}, {@code Trailer},
 * {@code Transfer-Encoding}, {@code Upgrade}, and any field {@code Connection} names).
 *
 * @param method e.g. {@code GET}
 * @param target origin form, e.g. {@code /a?b=1}; the target URI's path prefix is put before it
 * @param headers the request's fields, in order
 * @param body the whole body, not copied: do not change it after sending
 */
public record OutgoingRequest(String method, String target, Headers headers, byte[] body) {
  private static final byte[] NO_BODY = new byte[0];

  public OutgoingRequest {
    requireNonNull(method, "method");
    requireNonNull(target, "target");
    requireNonNull(headers, "headers");
    requireNonNull(body, "body");
    if (method.isEmpty()) {
      throw new IllegalArgumentException("method: \"\" (expected: an HTTP method)");
    }
    if (!target.startsWith("/") && !target.equals("*")) {
      throw new IllegalArgumentException("target: \"" + target + "\" (expected: origin form, e.g. /a?b=1)");
    }
  }

  /** A request without fields or body. */
  public static OutgoingRequest of(String method, String target) {
    return new OutgoingRequest(method, target, Headers.EMPTY, NO_BODY);
  }
}
