package dev.replaytwin.proxy;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.core.Exchange;
import dev.replaytwin.proxy.ProxyMetrics.DropReason;
import io.netty.util.internal.PlatformDependent;
import java.io.IOException;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hand-off between the event loops and the disk: a bounded queue drained by one writer thread
 * that scrubs and writes each exchange. {@link #offer} never blocks; when the queue is full (the
 * disk is slow) the copy is dropped and counted, and when a write fails (disk full, read-only) the
 * exchange is dropped and counted while the proxy goes on serving.
 */
public final class CaptureTap implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CaptureTap.class);
  private static final long IDLE_PARK_MICROS = 500;

  /** Where scrubbed exchanges go, e.g. {@code CaptureWriter::append}. Called on the writer thread only. */
  @FunctionalInterface
  public interface Sink {
    void write(Exchange exchange) throws IOException;
  }

  private final Sink sink;
  private final UnaryOperator<Exchange> scrub;
  private final ProxyMetrics metrics;
  private final Queue<Queued> queue;
  private final long maxQueuedBytes;
  private final AtomicLong queuedBytes = new AtomicLong();
  private final Thread writer;
  private volatile boolean closing;
  private volatile Mirror mirror;
  private long lastFailureLog;

  private record Queued(Exchange exchange, long bytes) {}

  /**
   * @param scrub applied on the writer thread before anything is written
   * @param capacity most exchanges waiting
   * @param maxQueuedBytes most body bytes waiting
   */
  public CaptureTap(Sink sink, UnaryOperator<Exchange> scrub, int capacity, long maxQueuedBytes,
      ProxyMetrics metrics) {
    this.sink = requireNonNull(sink, "sink");
    this.scrub = requireNonNull(scrub, "scrub");
    this.metrics = requireNonNull(metrics, "metrics");
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity: " + capacity + " (expected: >= 1)");
    }
    this.queue = PlatformDependent.newFixedMpscQueue(capacity);
    this.maxQueuedBytes = maxQueuedBytes;
    metrics.gauge("twin.capture.queue.depth", "Exchanges waiting for the capture writer", queue::size);
    metrics.gauge("twin.capture.queue.bytes", "Body bytes waiting for the capture writer", queuedBytes::get);
    this.writer = new Thread(this::drain, "twin-capture-writer");
    writer.setDaemon(true);
    writer.start();
  }

  /**
   * Hands an exchange to the writer without blocking.
   *
   * @param bytes the copy's approximate size, counted against the queue's byte bound
   * @return false when it was dropped (and counted)
   */
  public boolean offer(Exchange exchange, long bytes) {
    if (closing) {
      metrics.dropped(DropReason.SHUTTING_DOWN);
      return false;
    }
    if (queuedBytes.addAndGet(bytes) > maxQueuedBytes || !queue.offer(new Queued(exchange, bytes))) {
      queuedBytes.addAndGet(-bytes);
      metrics.dropped(DropReason.QUEUE_FULL);
      return false;
    }
    return true;
  }

  /** Sends a scrubbed copy of each captured request to {@code mirror}, whose answers come back here. */
  public void mirrorTo(Mirror mirror) {
    mirror.captureInto(this);
    this.mirror = mirror;
  }

  public int queueDepth() {
    return queue.size();
  }

  /** Stops taking exchanges, writes what is queued (waiting at most {@code timeout}), then returns. */
  public void close(Duration timeout) {
    closing = true;
    try {
      writer.join(Math.max(1, timeout.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (writer.isAlive()) {
      writer.interrupt();
      log.warn("capture writer did not finish within {}; {} queued exchanges not written",
          timeout, queue.size());
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(30));
  }

  /**
   * The writer polls instead of being woken: a blocking queue's signal would cost every proxied
   * request a futex call and a context switch on the event loop. An idle writer sleeps
   * {@value #IDLE_PARK_MICROS} µs between polls, which only delays when copies reach the disk.
   */
  private void drain() {
    while (!Thread.currentThread().isInterrupted()) {
      Queued next = queue.poll();
      if (next == null) {
        if (closing) {
          return;
        }
        LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(IDLE_PARK_MICROS));
        continue;
      }
      queuedBytes.addAndGet(-next.bytes());
      writeOne(next.exchange());
    }
  }

  private void writeOne(Exchange exchange) {
    Exchange scrubbed;
    try {
      scrubbed = scrub.apply(exchange);
    } catch (RuntimeException e) {
      metrics.dropped(DropReason.SCRUB_FAILED);
      logFailure("scrubbing failed, exchange dropped", e);
      return;
    }
    Mirror m = mirror;
    if (m != null && m.wants(exchange)) {
      m.send(exchange, scrubbed);
    }
    try {
      sink.write(scrubbed);
      metrics.captureWritten();
      for (String rule : scrubbed.scrubRulesFired()) {
        metrics.scrubRuleFired(rule);
      }
    } catch (IOException | RuntimeException e) {
      metrics.dropped(DropReason.WRITE_FAILED);
      logFailure("capture write failed, exchange dropped", e);
    }
  }

  private void logFailure(String what, Exception e) {
    long now = System.nanoTime();
    if (now - lastFailureLog > TimeUnit.SECONDS.toNanos(10)) {
      lastFailureLog = now;
      log.warn("{} (further failures logged at most every 10 s): {}", what, e.toString());
    }
  }
}
