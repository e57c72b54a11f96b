package dev.replaytwin.core.run;

import java.util.Locale;

/**
 * Why a replayed request got no HTTP response, as written in a run directory's outcomes. A response
 * with any status, 5xx included, is {@link #NONE}: judging statuses is the comparator's job.
 */
public enum ErrorKind {
  /** A response arrived. */
  NONE,
  /** The target refused the connection. */
  REFUSED,
  /** The connection was reset or closed before the whole response arrived. */
  RESET,
  /** No connection, or no whole response, within the timeout. */
  TIMEOUT,
  /** The TLS handshake failed: untrusted certificate, wrong host name, protocol mismatch. */
  TLS,
  /** The response was not valid HTTP/1.1. */
  PROTOCOL,
  /** The target's host name did not resolve. */
  UNRESOLVED,
  /** The replayer could not send the request (too many waiting for a connection, or shutdown). */
  DROPPED,
  /** Anything else; the outcome's detail says what. */
  OTHER;

  /** The name written in files: lower case, e.g. {@code refused}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The kind for a label written by {@link #label()}.
   *
   * @throws IllegalArgumentException naming the known labels
   */
  public static ErrorKind ofLabel(String label) {
    for (ErrorKind k : values()) {
      if (k.label().equals(label)) {
        return k;
      }
    }
    throw new IllegalArgumentException("error kind: \"" + label + "\" (expected: one of none, refused, reset,"
        + " timeout, tls, protocol, unresolved, dropped, other)");
  }
}
