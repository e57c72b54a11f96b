package dev.replaytwin.core.capture.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** One daemon thread shared by all capture writers to seal blocks that grew old while idle. */
public final class SealTimer {
  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "twcap-seal-timer");
    t.setDaemon(true);
    return t;
  });

  private SealTimer() {}

  public static ScheduledFuture<?> schedule(Runnable task, long everyMillis) {
    return TIMER.scheduleWithFixedDelay(task, everyMillis, everyMillis, TimeUnit.MILLISECONDS);
  }
}
