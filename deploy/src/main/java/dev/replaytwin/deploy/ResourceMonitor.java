package dev.replaytwin.deploy;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.core.run.ResourceLog;
import dev.replaytwin.core.run.RunDirectory;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples running twins every interval on one daemon thread, appending each twin's samples to
 * {@code targets/<name>/resources.jsonl} of a run, and watches for twins that die: each death is
 * kept ({@link #deaths()}) and handed to a listener, so a run can stop early and say why.
 *
 * <pre>{@code
 * try (ResourceMonitor monitor = ResourceMonitor.start(run, twins.all(), Duration.ofSeconds(1),
 *     death -> replay.cancel(death.describe()))) {
 *   replay.run();
 * }
 * }</pre>
 *
 * <p>A sample that fails is skipped and the loop goes on; a dead twin is no longer sampled.
 */
public final class ResourceMonitor implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ResourceMonitor.class);
  private static final Duration STOP_WAIT = Duration.ofSeconds(10);

  private final Map<Twin, ResourceLog> logs;
  private final Consumer<TwinExit> onDeath;
  private final List<TwinExit> deaths = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService sampler;
  private boolean closed;

  private ResourceMonitor(Map<Twin, ResourceLog> logs, Consumer<TwinExit> onDeath) {
    this.logs = logs;
    this.onDeath = onDeath;
    this.sampler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "replaytwin-resource-monitor");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Samples {@code twins} every second; deaths are only collected. */
  public static ResourceMonitor start(RunDirectory run, List<? extends Twin> twins) throws IOException {
    return start(run, twins, Duration.ofSeconds(1), death -> { });
  }

  /**
   * Samples {@code twins} now and then every {@code interval}; {@code onDeath} is called once per
   * twin that exits, on the monitor's thread.
   *
   * @throws IOException when a resources file cannot be opened
   */
  public static ResourceMonitor start(RunDirectory run, List<? extends Twin> twins, Duration interval,
      Consumer<TwinExit> onDeath) throws IOException {
    requireNonNull(run, "run");
    requireNonNull(twins, "twins");
    requireNonNull(onDeath, "onDeath");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval: " + interval + " (expected: > 0)");
    }
    Map<Twin, ResourceLog> logs = new LinkedHashMap<>();
    try {
      for (Twin twin : twins) {
        logs.put(twin, ResourceLog.append(run.resources(twin.name())));
      }
    } catch (IOException | RuntimeException e) {
      closeAll(logs);
      throw e;
    }
    ResourceMonitor monitor = new ResourceMonitor(logs, onDeath);
    monitor.sampler.scheduleAtFixedRate(monitor::sampleAll, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
    return monitor;
  }

  /** The twins that exited on their own so far, in the order noticed. */
  public List<TwinExit> deaths() {
    return List.copyOf(deaths);
  }

  private void sampleAll() {
    for (Twin twin : logs.keySet()) {
      try {
        sample(twin);
      } catch (Exception e) {
        // One bad sample must not end the loop (a scheduled task that throws is never run again).
        log.debug("sampling {} failed", twin.name(), e);
      }
    }
  }

  private synchronized void sample(Twin twin) throws IOException {
    if (closed || deaths.stream().anyMatch(d -> d.name().equals(twin.name()))) {
      return;
    }
    Optional<TwinExit> exit = twin.exited();
    if (exit.isPresent()) {
      TwinExit death = exit.get();
      deaths.add(death);
      log.debug("{}", death.describe());
      try {
        onDeath.accept(death);
      } catch (RuntimeException e) {
        log.debug("death listener failed for {}", twin.name(), e);
      }
      return;
    }
    logs.get(twin).write(twin.sample());
  }

  /** Stops sampling (waiting for a sample under way) and closes the resources files; the twins keep running. */
  @Override
  public void close() {
    sampler.shutdown();
    try {
      if (!sampler.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        sampler.shutdownNow();
      }
    } catch (InterruptedException e) {
      sampler.shutdownNow();
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      closed = true;
      closeAll(logs);
    }
  }

  private static void closeAll(Map<Twin, ResourceLog> logs) {
    for (ResourceLog resourceLog : new ArrayList<>(logs.values())) {
      try {
        resourceLog.close();
      } catch (IOException e) {
        log.debug("closing a resources file: {}", e.toString());
      }
    }
  }
}
