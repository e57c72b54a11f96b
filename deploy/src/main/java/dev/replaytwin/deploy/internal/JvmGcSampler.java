package dev.replaytwin.deploy.internal;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * GC time of the JVMs in a process tree, read from each JVM's performance counters file
 * ({@link PerfCounters}). Whether a pid is a JVM, and where its file is, is decided once (its
 * executable is named {@code java}) and remembered, so sampling a tree that holds no JVM costs two
 * small reads per new process and nothing after.
 */
public final class JvmGcSampler implements AutoCloseable {
  private final Path procRoot;
  private final Map<Long, Optional<Path>> watched = new HashMap<>();
  private boolean closed;

  public JvmGcSampler(Path procRoot) {
    this.procRoot = requireNonNull(procRoot, "procRoot");
  }

  /**
   * Seconds of GC so far, summed over the JVMs among {@code pids} whose counters could be read; -1
   * when none could (no JVM, or one started with {@code -XX:-UsePerfData}).
   */
  public synchronized double gcSeconds(Collection<Long> pids) {
    if (closed) {
      return -1;
    }
    double sum = -1;
    for (long pid : pids) {
      Optional<Path> counters = watched.computeIfAbsent(pid, p -> isJvm(p) ? PerfCounters.find(procRoot, p)
          : Optional.empty());
      double seconds = counters.map(PerfCounters::gcSeconds).orElse(-1.0);
      if (seconds >= 0) {
        sum = Math.max(sum, 0) + seconds;
      }
    }
    // Forget processes that are gone, so a twin that runs many short commands does not grow the map.
    watched.keySet().retainAll(pids);
    return sum;
  }

  /** True when {@code pid}'s executable, or else the first word of its command line, is named java. */
  boolean isJvm(long pid) {
    Path dir = procRoot.resolve(Long.toString(pid));
    try {
      Path exe = Files.readSymbolicLink(dir.resolve("exe"));
      return isJavaLauncher(exe.toString());
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      // not readable (another user, off Linux): the command line may still say
    }
    try {
      String cmdline = new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8);
      int end = cmdline.indexOf('\0');
      return isJavaLauncher(end < 0 ? cmdline : cmdline.substring(0, end));
    } catch (IOException | SecurityException e) {
      return false;
    }
  }

  static boolean isJavaLauncher(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.equals("java") || name.equals("java.exe");
  }

  @Override
  public synchronized void close() {
    closed = true;
    watched.clear();
  }
}
