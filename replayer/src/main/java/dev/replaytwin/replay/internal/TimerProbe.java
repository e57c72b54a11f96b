package dev.replaytwin.replay.internal;

import java.util.concurrent.TimeUnit;

/**
 * Measures the machine rather than the replay: a thread that does nothing but {@link Sleeper sleep}
 * until evenly spaced instants, {@value #PERIOD_MILLIS} ms apart, and records how late it woke. When
 * the replay's send lag is over its bound and so is this, the machine (a busy host, a throttled
 * container, a virtual CPU that takes milliseconds to wake) cannot hold the bound with any pacing,
 * and the run says so instead of blaming the replayer's rate.
 */
final class TimerProbe implements Runnable {
  static final long PERIOD_MILLIS = 10;

  private final SendLag lateness;
  private volatile boolean stopped;
  private volatile long startNanoTime;

  TimerProbe(long boundNanos) {
    this.lateness = new SendLag(boundNanos);
  }

  /** Starts probing on a daemon thread from {@code startNanoTime} until {@link #stop()}. */
  void start(long startNanoTime) {
    this.startNanoTime = startNanoTime;
    Thread t = new Thread(this, "twin-replay-timer-probe");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void run() {
    long period = TimeUnit.MILLISECONDS.toNanos(PERIOD_MILLIS);
    for (long due = startNanoTime + period; !stopped; due += period) {
      Sleeper.until(due, () -> !stopped);
      if (!stopped) {
        lateness.record(System.nanoTime() - due);
      }
      long behind = System.nanoTime() - due;
      if (behind > period) {
        due += behind / period * period; // a long stall counts once, not once per missed period
      }
    }
  }

  void stop() {
    stopped = true;
  }

  /** How late the probe woke, over the whole run. */
  SendLag lateness() {
    return lateness;
  }
}
