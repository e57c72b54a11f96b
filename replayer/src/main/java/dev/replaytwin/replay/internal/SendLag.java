package dev.replaytwin.replay.internal;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The replayer's own timing: how long after its intended time each request went out. Two of these
 * are kept: the dispatcher's (when it handed a request to the targets' clients, recorded by the
 * dispatcher thread) and the wire's (when the request was written to a connection, recorded on the
 * event loops for requests that did not have to wait for a connection or for their session).
 * {@link Recorder} takes values from any number of threads; one logging thread reads.
 */
public final class SendLag {
  private final long boundNanos;
  private final Recorder recorder = new Recorder(3);
  private final Histogram total = new Histogram(3);
  private Histogram interval;
  private long intervalP99;
  private final java.util.concurrent.atomic.LongAdder late = new java.util.concurrent.atomic.LongAdder();

  public SendLag(long boundNanos) {
    this.boundNanos = boundNanos;
  }

  /** Records one request's lag; any thread. */
  public void record(long lagNanos) {
    long lag = Math.max(0, lagNanos);
    recorder.recordValue(lag);
    if (lag > boundNanos) {
      late.increment();
    }
  }

  /** Records and discards one value, so the first real one does not pay for loading the recorder's code. */
  public synchronized void prime() {
    recorder.recordValue(0);
    interval = recorder.getIntervalHistogram(interval);
  }

  /** Folds the interval into the total; returns the interval's p99. Called by one thread. */
  public synchronized long rollInterval() {
    interval = recorder.getIntervalHistogram(interval);
    total.add(interval);
    intervalP99 = interval.getTotalCount() == 0 ? 0 : interval.getValueAtPercentile(99);
    return intervalP99;
  }

  public synchronized Histogram total() {
    return total.copy();
  }

  public long late() {
    return late.sum();
  }

  public long boundNanos() {
    return boundNanos;
  }
}
