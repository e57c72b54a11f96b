package dev.replaytwin.replay.internal.client;

/** Receives the outcome of one request sent through a {@link TargetClient}. */
@FunctionalInterface
public interface ResponseListener {
  /**
   * Called exactly once per request, on an event-loop thread: keep it short and never block.
   * Exceptions it throws are logged and otherwise ignored.
   */
  void onResponse(ClientResponse response);

  /**
   * Called once, on an event-loop thread, when the request is first written to a connection.
   *
   * @param sentNanoTime {@link System#nanoTime()} at the write
   * @param waitedForConnection true when the request had to wait for a connection to free up (the
   *     target was slow to answer the ones before), false when it went out as soon as it reached
   *     the loop
   */
  default void onWrite(long sentNanoTime, boolean waitedForConnection) {}
}
