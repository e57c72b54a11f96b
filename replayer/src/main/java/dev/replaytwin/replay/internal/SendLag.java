package dev.replaytwin.replay.internal;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The replayer's own timing: how long after its intended time each request was handed to the
 * targets' clients. Recorded by the dispatcher thread; read once an interval by the logging thread.
 */
public final class SendLag {
  private final long boundNanos;
  private final Recorder recorder = new Recorder(3);
  private final Histogram total = new Histogram(3);
  private Histogram interval;
  private long intervalP99;
  private volatile long late;

  public SendLag(long boundNanos) {
    this.boundNanos = boundNanos;
  }

  /** Records one request's lag; called by the dispatcher thread only. */
  public void record(long lagNanos) {
    long lag = Math.max(0, lagNanos);
    recorder.recordValue(lag);
    if (lag > boundNanos) {
      late++;
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
    return late;
  }

  public long boundNanos() {
    return boundNanos;
  }
}
