package dev.replaytwin.deploy.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GC time of a local HotSpot JVM from {@code jstat -gcutil}, which reads the JVM's performance
 * counters without attaching to it. One jstat per JVM runs for the twin's life and prints a line
 * every second ({@code jstat -gcutil <pid> 1000}): starting a jstat per sample would cost a JVM start
 * each time, more CPU than the twins being measured.
 */
public final class Jstat implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Jstat.class);
  private static final String INTERVAL_MILLIS = "1000";

  private final Process process;
  private volatile double gcSeconds = -1;

  private Jstat(Process process, long pid) {
    this.process = process;
    Thread reader = new Thread(this::read, "replaytwin-jstat-" + pid);
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts watching {@code pid}; empty when there is no jstat next to this JVM or in
   * {@code $JAVA_HOME/bin}, or it cannot be started.
   */
  public static Optional<Jstat> watch(long pid) {
    Optional<Path> jstat = Location.JSTAT;
    if (jstat.isEmpty()) {
      return Optional.empty();
    }
    try {
      Process process = new ProcessBuilder(jstat.get().toString(), "-gcutil", Long.toString(pid), INTERVAL_MILLIS)
          .redirectErrorStream(true)
          .start();
      process.getOutputStream().close();
      return Optional.of(new Jstat(process, pid));
    } catch (IOException e) {
      log.debug("cannot start {} for pid {}: {}", jstat.get(), pid, e.toString());
      return Optional.empty();
    }
  }

  /** The GCT column of jstat's latest line: seconds of GC so far; -1 until jstat has printed one. */
  public double gcSeconds() {
    return gcSeconds;
  }

  /** True while jstat still reports (it ends when the JVM does, or when it cannot read it). */
  public boolean reporting() {
    return process.isAlive();
  }

  private void read() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      String header = null;
      String line;
      while ((line = in.readLine()) != null) {
        if (header == null) {
          if (line.contains("GCT")) {
            header = line;
          } else {
            log.debug("jstat: {}", line); // e.g. "12345 not found"
          }
          continue;
        }
        double gct = gcTime(header, line);
        if (gct >= 0) {
          gcSeconds = gct;
        }
      }
    } catch (IOException e) {
      log.debug("jstat output ended: {}", e.toString());
    }
  }

  /**
   * The GCT column of a {@code jstat -gcutil} data line under {@code header}; -1 when the line is not
   * a data line. Commas are read as decimal points (jstat formats numbers in the default locale).
   */
  public static double gcTime(String header, String line) {
    List<String> names = List.of(header.strip().split("\\s+"));
    String[] values = line.strip().split("\\s+");
    int column = names.indexOf("GCT");
    if (column < 0 || values.length != names.size()) {
      return -1;
    }
    try {
      double seconds = Double.parseDouble(values[column].replace(',', '.'));
      return seconds >= 0 ? seconds : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  @Override
  public void close() {
    process.destroy();
  }

  /** Where jstat is: next to the running java, else in {@code $JAVA_HOME/bin}. Looked up once. */
  private static final class Location {
    static final Optional<Path> JSTAT = find();

    private static Optional<Path> find() {
      Optional<Path> besideJava = ProcessHandle.current().info().command()
          .map(java -> Path.of(java).toAbsolutePath().getParent())
          .map(bin -> bin.resolve("jstat"));
      Optional<Path> inJavaHome = Optional.ofNullable(System.getenv("JAVA_HOME"))
          .map(home -> Path.of(home, "bin", "jstat"));
      for (Optional<Path> candidate : List.of(besideJava, inJavaHome)) {
        if (candidate.isPresent() && Files.isExecutable(candidate.get())) {
          return candidate;
        }
      }
      log.debug("no jstat beside {} or in JAVA_HOME: JVM twins without a metrics URL get no GC time",
          ProcessHandle.current().info().command().orElse("this java"));
      return Optional.empty();
    }
  }
}
