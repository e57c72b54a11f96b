package dev.replaytwin.replay.internal.client;

import java.io.Closeable;
import java.time.Duration;

/**
 * HTTP/1.1 to one target over keep-alive connections it pools. Thread-safe; {@link #send} never
 * blocks, so an open-loop dispatcher can call it at each request's intended time.
 *
 * <pre>{@code
 * try (TargetClient twin = NettyTargetClient.create(TargetClientOptions.of(URI.create("http://twin:8080")), group)) {
 *   twin.send(OutgoingRequest.of("GET", "/items/42"), response -> record(intended, response));
 * }
 * }</pre>
 */
public interface TargetClient extends Closeable {
  /**
   * Sends now, or as soon as a connection frees up; calls {@code listener.onResponse} exactly once,
   * on an event-loop thread.
   */
  void send(OutgoingRequest request, ResponseListener listener);

  /**
   * Opens connections ahead of the first request and waits for them, at most {@code timeout}, so
   * a replay does not begin with cold connections and cold code. A target that cannot be reached
   * is not an error here: its requests will fail and say why.
   */
  default void warmUp(Duration timeout) {}

  /** A snapshot of the pool's counters. */
  ClientStats stats();

  /**
   * Closes every connection. Requests waiting for a connection or in flight complete with {@link
   * dev.replaytwin.core.run.ErrorKind#DROPPED} ("client closed"), as do requests sent afterwards.
   */
  @Override
  void close();
}
