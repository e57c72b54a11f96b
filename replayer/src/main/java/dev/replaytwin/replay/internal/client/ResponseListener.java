package dev.replaytwin.replay.internal.client;

/** Receives the outcome of one request sent through a {@link TargetClient}. */
@FunctionalInterface
public interface ResponseListener {
  /**
   * Called exactly once per request, on an event-loop thread: keep it short and never block.
   * Exceptions it throws are logged and otherwise ignored.
   */
  void onResponse(ClientResponse response);
}
