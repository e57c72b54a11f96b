package dev.replaytwin.proxy;

/** What the proxy does with {@code X-Forwarded-For}, {@code -Proto} and {@code -Host}. */
public enum ForwardedHeaders {
  /** Append the client address to {@code X-Forwarded-For}; set Proto and Host when absent. */
  APPEND,
  /** Discard whatever the client sent and set all three from this connection (an edge proxy). */
  REPLACE,
  /** Pass the client's values through untouched and add none. */
  OFF
}
