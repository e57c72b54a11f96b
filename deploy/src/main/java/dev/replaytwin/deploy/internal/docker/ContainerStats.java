package dev.replaytwin.deploy.internal.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.MemoryStatsConfig;
import com.github.dockerjava.api.model.Statistics;
import com.github.dockerjava.api.model.StatsConfig;
import dev.replaytwin.core.run.ResourceSample;
import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A container's resource use from the engine's stats API. The engine needs about a second to
 * answer a single stats request (it waits for its next collection), so the stream is followed
 * instead: the engine pushes a fresh reading every second and {@link #sample} answers at once with
 * the latest one.
 */
public final class ContainerStats implements Closeable {
  private static final long FIRST_READING_WAIT_MILLIS = 3_000;

  private final ResultCallback.Adapter<Statistics> stream;
  private final CountDownLatch first = new CountDownLatch(1);
  private volatile Statistics latest;

  private ContainerStats(DockerClient client, String containerId) {
    this.stream = new ResultCallback.Adapter<>() {
      @Override
      public void onNext(Statistics statistics) {
        latest = statistics;
        first.countDown();
      }
    };
    client.statsCmd(containerId).exec(stream);
  }

  /** Starts following the stats of {@code containerId}. */
  public static ContainerStats follow(DockerClient client, String containerId) {
    return new ContainerStats(client, containerId);
  }

  /**
   * The latest reading, with {@code gcSeconds} (-1 when not known) added; all -1 when the engine
   * has sent nothing yet.
   */
  public ResourceSample sample(double gcSeconds) {
    try {
      first.await(FIRST_READING_WAIT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    long now = nowNanos();
    Statistics reading = latest;
    return reading == null ? new ResourceSample(now, -1, -1, -1, -1, gcSeconds) : toSample(reading, now, gcSeconds);
  }

  /**
   * A stats reading as a sample: CPU is the cgroup's total usage (user + system, every process in
   * the container), memory is what {@code docker stats} shows (usage less inactive page cache),
   * threads are the cgroup's tasks. Open files are not in the API: -1.
   */
  public static ResourceSample toSample(Statistics reading, long fallbackNanos, double gcSeconds) {
    double cpu = -1;
    if (reading.getCpuStats() != null && reading.getCpuStats().getCpuUsage() != null
        && reading.getCpuStats().getCpuUsage().getTotalUsage() != null) {
      cpu = reading.getCpuStats().getCpuUsage().getTotalUsage() / 1e9;
    }
    long rss = memory(reading.getMemoryStats());
    int threads = reading.getPidsStats() == null || reading.getPidsStats().getCurrent() == null ? -1
        : (int) Math.min(Integer.MAX_VALUE, reading.getPidsStats().getCurrent());
    return new ResourceSample(readAt(reading.getRead(), fallbackNanos), cpu, rss, threads, -1, gcSeconds);
  }

  private static long memory(MemoryStatsConfig memory) {
    if (memory == null || memory.getUsage() == null) {
      return -1;
    }
    long usage = memory.getUsage();
    StatsConfig stats = memory.getStats();
    if (stats == null) {
      return usage;
    }
    // docker stats: cgroup v1 reports total_inactive_file, v2 inactive_file; older engines only cache.
    for (Long inactive : new Long[] {stats.getTotalInactiveFile(), stats.getInactiveFile(), stats.getCache()}) {
      if (inactive != null && inactive <= usage) {
        return usage - inactive;
      }
    }
    return usage;
  }

  /** When the engine read the numbers; a stopped container's readings carry year 1. */
  private static long readAt(String read, long fallbackNanos) {
    if (read == null) {
      return fallbackNanos;
    }
    try {
      Instant at = Instant.parse(read);
      return at.isBefore(Instant.EPOCH) ? fallbackNanos : at.getEpochSecond() * 1_000_000_000L + at.getNano();
    } catch (DateTimeParseException e) {
      return fallbackNanos;
    }
  }

  private static long nowNanos() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  @Override
  public void close() {
    try {
      stream.close();
    } catch (IOException e) {
      // The stream ends with the container anyway.
    }
  }
}
