package dev.replaytwin.replay.internal;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Sleeps until a {@link System#nanoTime()} instant, as precisely as a thread can without burning a
 * core: long sleeps overshoot by as much as a millisecond on a busy virtual machine, short ones by
 * tens of microseconds, so a long wait ends a millisecond early, the rest is slept in short steps,
 * and only the last {@value #SPIN_NANOS} ns are spun. The dispatcher paces requests with it and
 * {@link TimerProbe} measures what it achieves on the machine.
 */
final class Sleeper {
  private static final long COARSE_NANOS = 2_000_000;
  private static final long STEP_NANOS = 200_000;
  private static final long SPIN_NANOS = 30_000;

  private Sleeper() {}

  /** Returns at {@code due} or later, or as soon as {@code keepWaiting} turns false. */
  static void until(long due, BooleanSupplier keepWaiting) {
    long left;
    while ((left = due - System.nanoTime()) > 0 && keepWaiting.getAsBoolean()) {
      if (left > COARSE_NANOS) {
        LockSupport.parkNanos(Math.min(left - COARSE_NANOS / 2, 100_000_000L));
      } else if (left > SPIN_NANOS) {
        LockSupport.parkNanos(Math.min(left - SPIN_NANOS, STEP_NANOS));
      } else {
        Thread.onSpinWait();
      }
    }
  }
}
