package dev.replaytwin.deploy.internal;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CPU time, resident memory, threads and open files of a set of processes (a twin and its live
 * descendants), summed, from a {@code /proc} file system. A process that vanished between listing
 * and reading is skipped; a figure no process could give is -1, as is every figure off Linux.
 */
public final class ProcTreeSampler {
  private static final Logger log = LoggerFactory.getLogger(ProcTreeSampler.class);
  private static final long DEFAULT_TICKS_PER_SECOND = 100;

  private final Path procRoot;
  private final long ticksPerSecond;

  /** The figures of one sample; -1 where unknown. */
  public record Figures(double cpuSeconds, long rssBytes, int threads, int openFiles) {
    public static final Figures UNKNOWN = new Figures(-1, -1, -1, -1);
  }

  public ProcTreeSampler(Path procRoot, long ticksPerSecond) {
    this.procRoot = requireNonNull(procRoot, "procRoot");
    if (ticksPerSecond <= 0) {
      throw new IllegalArgumentException("ticksPerSecond: " + ticksPerSecond + " (expected: > 0)");
    }
    this.ticksPerSecond = ticksPerSecond;
  }

  /** This machine's {@code /proc}, with its clock tick rate. */
  public static ProcTreeSampler system() {
    return new ProcTreeSampler(Path.of("/proc"), ClockTicks.PER_SECOND);
  }

  public Figures sample(Collection<Long> pids) {
    long ticks = -1;
    long rss = -1;
    long threads = -1;
    long files = -1;
    for (long pid : pids) {
      Path dir = procRoot.resolve(Long.toString(pid));
      String stat = read(dir.resolve("stat"));
      String status = read(dir.resolve("status"));
      if (stat == null || status == null) {
        continue; // gone, or not ours to read
      }
      ticks = add(ticks, ProcStat.cpuTicks(stat));
      rss = add(rss, ProcStat.rssBytes(status));
      threads = add(threads, ProcStat.threads(status));
      files = add(files, countEntries(dir.resolve("fd")));
    }
    return new Figures(ticks < 0 ? -1 : (double) ticks / ticksPerSecond, rss, (int) threads, (int) files);
  }

  private static long add(long sum, long value) {
    if (value < 0) {
      return sum;
    }
    return sum < 0 ? value : sum + value;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.ISO_8859_1);
    } catch (IOException | SecurityException e) {
      return null;
    }
  }

  private static long countEntries(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.count();
    } catch (IOException | SecurityException e) {
      return -1;
    }
  }

  /** The kernel's clock tick rate (USER_HZ), asked of {@code getconf} once; 100 when it cannot say. */
  private static final class ClockTicks {
    static final long PER_SECOND = ask();

    private static long ask() {
      try {
        Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
        try (InputStream out = getconf.getInputStream()) {
          if (!getconf.waitFor(5, TimeUnit.SECONDS)) {
            getconf.destroyForcibly();
            return DEFAULT_TICKS_PER_SECOND;
          }
          long ticks = Long.parseLong(new String(out.readAllBytes(), StandardCharsets.US_ASCII).strip());
          return ticks > 0 ? ticks : DEFAULT_TICKS_PER_SECOND;
        }
      } catch (IOException | NumberFormatException e) {
        log.debug("getconf CLK_TCK failed, assuming {}", DEFAULT_TICKS_PER_SECOND, e);
        return DEFAULT_TICKS_PER_SECOND;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return DEFAULT_TICKS_PER_SECOND;
      }
    }
  }
}
