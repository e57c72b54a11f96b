package dev.replaytwin.deploy.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The safety net for process twins: every twin process is registered from the moment it is spawned
 * until it is stopped, and one JVM shutdown hook stops whatever is still registered. It covers what a
 * group's own hook cannot: a twin still being health-checked when Ctrl-C or a SIGTERM arrives, and a
 * twin started outside any group.
 */
public final class ProcessReaper {
  private static final Map<ProcessHandle, Duration> LIVE = new ConcurrentHashMap<>();
  private static volatile boolean hookAdded;

  private ProcessReaper() {
  }

  /** Stops {@code root}'s tree at JVM exit (with {@code grace}) unless it is {@link #forget}ten first. */
  public static void register(ProcessHandle root, Duration grace) {
    addHookOnce();
    LIVE.put(root, grace);
  }

  public static void forget(ProcessHandle root) {
    LIVE.remove(root);
  }

  private static synchronized void addHookOnce() {
    if (hookAdded) {
      return;
    }
    Thread hook = new Thread(ProcessReaper::stopAll, "replaytwin-process-reaper");
    try {
      Runtime.getRuntime().addShutdownHook(hook);
    } catch (IllegalStateException e) {
      return; // already shutting down: the caller's own cleanup is all there is
    }
    hookAdded = true;
  }

  private static void stopAll() {
    // In parallel: the JVM waits for the slowest grace period, not their sum.
    LIVE.entrySet().parallelStream().forEach(e -> ProcessTree.stop(e.getKey(), e.getValue()));
  }
}
