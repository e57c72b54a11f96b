package dev.replaytwin.replay.internal.client;

import dev.replaytwin.core.HttpMethods;
import dev.replaytwin.core.run.ErrorKind;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request on its way through a {@link LoopPool}: handed over, waiting for a connection, in
 * flight. Touched only on that pool's loop once handed over.
 */
final class Exchange {
  private static final Logger log = LoggerFactory.getLogger(Exchange.class);

  final LoopPool pool;
  final OutgoingRequest request;
  private final ResponseListener listener;
  long sentNanoTime = -1;
  long deadlineNanoTime;
  /** Sent again on a fresh connection after a pooled one turned out to be dead. */
  boolean retried;
  /** Queued because every connection it may use was busy. */
  boolean waited;
  private boolean writeReported;
  private boolean done;

  Exchange(LoopPool pool, OutgoingRequest request, ResponseListener listener) {
    this.pool = pool;
    this.request = request;
    this.listener = listener;
  }

  boolean isDone() {
    return done;
  }

  boolean isHead() {
    return request.method().equals("HEAD");
  }

  /**
   * True for a request that may be sent again when its connection died before any response: an
   * idempotent method and no body, so the target cannot have acted on a part of it.
   */
  boolean isRetryable() {
    return request.body().length == 0 && HttpMethods.isIdempotent(request.method());
  }

  /** Tells the listener of the first write; later writes (a retry) are not reported again. */
  void written(long nanoTime) {
    if (writeReported) {
      return;
    }
    writeReported = true;
    try {
      listener.onWrite(nanoTime, waited);
    } catch (RuntimeException e) {
      log.warn("write listener failed for {} {}", request.method(), request.target(), e);
    }
  }

  /** Completes the request once; later calls are ignored. */
  void complete(ClientResponse response) {
    if (done) {
      return;
    }
    done = true;
    try {
      listener.onResponse(response);
    } catch (RuntimeException e) {
      log.warn("response listener failed for {} {}", request.method(), request.target(), e);
    }
  }

  /** Completes the request without a response. */
  void fail(ErrorKind kind, String detail) {
    complete(ClientResponse.failed(sentNanoTime, System.nanoTime(), 0, EmptyHttpHeaders.INSTANCE, kind, detail));
  }
}
