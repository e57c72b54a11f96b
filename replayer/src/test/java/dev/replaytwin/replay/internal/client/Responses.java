package dev.replaytwin.replay.internal.client;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A listener that keeps the responses it is told, for the test to take. */
final class Responses implements ResponseListener {
  private final BlockingQueue<ClientResponse> queue = new LinkedBlockingQueue<>();

  @Override
  public void onResponse(ClientResponse response) {
    queue.add(response);
  }

  /** The next response, waiting a bounded time; fails when none comes. */
  ClientResponse take() throws InterruptedException {
    ClientResponse r = queue.poll(10, TimeUnit.SECONDS);
    if (r == null) {
      throw new AssertionError("no response within 10 s");
    }
    return r;
  }

  /** Responses already given and not yet taken. */
  int size() {
    return queue.size();
  }
}
