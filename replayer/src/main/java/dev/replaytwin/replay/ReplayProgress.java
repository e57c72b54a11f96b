package dev.replaytwin.replay;

import java.util.List;

/**
 * A replay's state, reported once a log interval (every second by default) to a
 * {@link ReplayListener}.
 *
 * @param elapsedNanos time since {@code t0}
 * @param expectedNanos the run's planned length when known ({@code --duration}), else -1
 * @param dispatched requests handed to the targets so far (one per request, however many targets)
 * @param ratePerSecond requests dispatched a second over the last interval
 * @param lagP99Nanos the replayer's send-lag 99th percentile over the last interval
 * @param lagBoundNanos the bound beyond which the run is invalid
 * @param targets each target's tallies
 */
public record ReplayProgress(long elapsedNanos, long expectedNanos, long dispatched, double ratePerSecond,
    long lagP99Nanos, long lagBoundNanos, List<TargetProgress> targets) {

  public ReplayProgress {
    targets = List.copyOf(targets);
  }

  /**
   * @param name the target's name
   * @param answered requests that got a response, any status
   * @param errors requests that got none (refused, reset, timeout, ...)
   * @param inFlight requests sent and not yet answered
   */
  public record TargetProgress(String name, long answered, long errors, long inFlight) {}
}
