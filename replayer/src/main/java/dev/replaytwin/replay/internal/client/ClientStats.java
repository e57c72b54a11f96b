package dev.replaytwin.replay.internal.client;

/**
 * A snapshot of a {@link TargetClient}'s pool.
 *
 * @param openConnections connections open or being opened
 * @param idleConnections open connections with no request in flight
 * @param waitedForConnection requests that found no free connection and queued for one
 * @param dropped requests completed with {@code DROPPED} (queue full, or client closed)
 * @param connectFailures connection attempts that failed (refused, timed out, TLS handshake)
 */
public record ClientStats(int openConnections, int idleConnections, long waitedForConnection, long dropped,
    long connectFailures) {
  public ClientStats {
    if (openConnections < 0 || idleConnections < 0 || waitedForConnection < 0 || dropped < 0 || connectFailures < 0) {
      throw new IllegalArgumentException("counts: " + openConnections + ", " + idleConnections + ", "
          + waitedForConnection + ", " + dropped + ", " + connectFailures + " (expected: >= 0)");
    }
  }
}
