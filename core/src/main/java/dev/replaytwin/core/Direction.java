package dev.replaytwin.core;

/** Which way an exchange crossed the service under capture. */
public enum Direction {
  /** A client called the service (captured by the proxy in front of it). */
  INBOUND,
  /** The service called one of its dependencies (captured by the egress listener). */
  OUTBOUND
}
