package dev.replaytwin.deploy;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.deploy.internal.HealthWait;
import dev.replaytwin.deploy.internal.MetricsScrape;
import dev.replaytwin.deploy.internal.OutputTail;
import dev.replaytwin.deploy.internal.ProcessLaunch;
import dev.replaytwin.deploy.internal.ProcessReaper;
import dev.replaytwin.deploy.internal.ProcessTree;
import dev.replaytwin.deploy.internal.ProcessTwin;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts {@link TwinSpec.Process} twins: a local command given a free loopback port through
 * {@code ${port}}, its output in {@code <logDir>/twin.log}, healthy once
 * {@code http://127.0.0.1:<port><health.path>} answers below 400.
 *
 * <p>A port is free when picked but may be taken before the twin binds it; when the twin exits early
 * saying its address is in use, it is started again on a new port, up to three times in all. Closing
 * the twin stops its whole process tree: SIGTERM, a grace period (10 s by default), then SIGKILL.
 *
 * <pre>{@code
 * TwinSpec.Process spec = new TwinSpec.Process(List.of("java", "-jar", "shop.jar", "--server.port=${port}"),
 *     Map.of(), Path.of("."), new TwinSpec.Health("/health", Duration.ofSeconds(60), Duration.ofMillis(200)), "");
 * try (Twin twin = new ProcessDriver().start(spec, new TwinContext("candidate", Map.of(), logDir))) {
 *   twin.baseUrl();   // http://127.0.0.1:41873
 * }
 * }</pre>
 */
public final class ProcessDriver implements TwinDriver {
  private static final Logger log = LoggerFactory.getLogger(ProcessDriver.class);
  private static final Pattern USES_PORT = Pattern.compile("(?<!\\$)\\$\\{\\s*port\\s*}");
  private static final Pattern PORT_IN_USE = Pattern.compile(
      "address already in use|eaddrinuse|port \\S* ?(is )?already in use|bindexception"
          + "|(failed|unable) to bind|could not bind",
      Pattern.CASE_INSENSITIVE);
  private static final int LAST_LINES = 40;
  private static final Duration OUTPUT_DRAIN = Duration.ofSeconds(2);

  private final Duration stopGrace;
  private final int attempts;
  private final IntSupplier ports;

  /** Stops twins with a 10 s grace period between SIGTERM and SIGKILL. */
  public ProcessDriver() {
    this(Duration.ofSeconds(10));
  }

  /** Stops twins with {@code stopGrace} between SIGTERM and SIGKILL. */
  public ProcessDriver(Duration stopGrace) {
    this(stopGrace, 3, ProcessDriver::freeLoopbackPort);
  }

  ProcessDriver(Duration stopGrace, int attempts, IntSupplier ports) {
    this.stopGrace = requireNonNull(stopGrace, "stopGrace");
    if (stopGrace.isNegative()) {
      throw new IllegalArgumentException("stopGrace: " + stopGrace + " (expected: >= 0)");
    }
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts: " + attempts + " (expected: >= 1)");
    }
    this.attempts = attempts;
    this.ports = requireNonNull(ports, "ports");
  }

  @Override
  public Twin start(TwinSpec spec, TwinContext context) throws DeployException, InterruptedException {
    requireNonNull(context, "context");
    if (!(requireNonNull(spec, "spec") instanceof TwinSpec.Process process)) {
      throw new IllegalArgumentException("spec: " + spec.driver() + " (expected: process)");
    }
    String name = context.name();
    checkUsesPort(process, name);
    if (!Files.isDirectory(process.workingDir())) {
      throw new DeployException(name + ": workingDir: " + process.workingDir()
          + ": not a directory (expected: an existing directory to start the twin in)");
    }
    Path logFile = context.logDir().resolve("twin.log");
    try {
      Files.createDirectories(context.logDir());
    } catch (IOException e) {
      throw new DeployException(name + ": cannot create log directory " + context.logDir() + ": " + e.getMessage());
    }
    List<Integer> tried = new ArrayList<>();
    List<String> lastOutput = List.of();
    for (int attempt = 1; attempt <= attempts; attempt++) {
      int port = nextPort(name);
      tried.add(port);
      ProcessLaunch launch = ProcessLaunch.fill(process, name, port, context.dependencies());
      Attempt result = attempt(launch, process.health(), logFile, attempt, name);
      if (result.twin() != null) {
        return result.twin();
      }
      lastOutput = result.portTakenOutput();
      log.debug("{}: port {} was taken, {} of {} attempts made", name, port, attempt, attempts);
    }
    throw new DeployException(name + " could not listen: its port was in use on " + attempts + " attempt"
        + (attempts == 1 ? "" : "s") + " (ports " + String.join(", ", tried.stream().map(String::valueOf).toList())
        + "); look for a fixed port in its command or configuration",
        details(lastOutput, logFile), null);
  }

  private record Attempt(Twin twin, List<String> portTakenOutput) {
  }

  private Attempt attempt(ProcessLaunch launch, TwinSpec.Health health, Path logFile, int attempt, String name)
      throws DeployException, InterruptedException {
    OutputStream logOut = openLog(logFile, attempt, launch.port(), name);
    ProcessBuilder builder = new ProcessBuilder(launch.command())
        .directory(launch.workingDir().toFile())
        .redirectErrorStream(true);
    builder.environment().putAll(launch.env());
    Process child;
    try {
      child = builder.start();
    } catch (IOException e) {
      closeQuietly(logOut);
      throw new DeployException(name + ": cannot run \"" + launch.command().get(0) + "\": " + whyNotRun(e)
          + " (check command[0], the PATH and workingDir)");
    }
    ProcessReaper.register(child.toHandle(), stopGrace);
    closeQuietly(child.getOutputStream()); // a twin reads requests, not its stdin
    OutputTail output = OutputTail.start(child.getInputStream(), logOut, LAST_LINES, "replaytwin-" + name + "-output");
    boolean healthy = false;
    try {
      HealthWait.Result result = HealthWait.await(launch.healthUrl(), health, child);
      if (result instanceof HealthWait.Healthy) {
        healthy = true;
        log.debug("{} (pid {}) healthy at {}", name, child.pid(), launch.healthUrl());
        return new Attempt(new ProcessTwin(name, launch.baseUrl(), child, output, launch.metrics(), stopGrace),
            List.of());
      }
      if (result instanceof HealthWait.Exited exited) {
        output.awaitEnd(OUTPUT_DRAIN);
        List<String> lines = output.lastLines();
        if (lines.stream().anyMatch(line -> PORT_IN_USE.matcher(line).find())) {
          return new Attempt(null, lines);
        }
        throw new DeployException(name + " exited with code " + exited.exitCode() + " before it was healthy; "
            + (lines.isEmpty() ? "it printed nothing" : "its last output is below"), details(lines, logFile), null);
      }
      HealthWait.TimedOut timedOut = (HealthWait.TimedOut) result;
      ProcessTree.stop(child.toHandle(), stopGrace);
      output.awaitEnd(OUTPUT_DRAIN);
      throw new DeployException(name + " not healthy after " + HealthWait.describe(health.timeout()) + " at "
          + launch.healthUrl() + " (last answer: " + timedOut.lastAnswer() + "); its last output is below",
          details(output.lastLines(), logFile), null);
    } finally {
      if (!healthy) {
        ProcessTree.stop(child.toHandle(), stopGrace);
        ProcessReaper.forget(child.toHandle());
      }
    }
  }

  private static OutputStream openLog(Path logFile, int attempt, int port, String name) throws DeployException {
    try {
      if (attempt == 1) {
        return Files.newOutputStream(logFile);
      }
      OutputStream out = Files.newOutputStream(logFile, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      out.write(("[replaytwin] the port was in use; starting again on port " + port + " (attempt " + attempt
          + ")\n").getBytes(StandardCharsets.UTF_8));
      return out;
    } catch (IOException e) {
      throw new DeployException(name + ": cannot write " + logFile + ": " + e.getMessage());
    }
  }

  private static void checkUsesPort(TwinSpec.Process spec, String name) throws DeployException {
    boolean uses = spec.command().stream().anyMatch(s -> USES_PORT.matcher(s).find())
        || spec.env().values().stream().anyMatch(s -> USES_PORT.matcher(s).find());
    if (!uses) {
      throw new DeployException(name + ": neither command nor env uses ${port} (expected: the twin to listen on"
          + " the free port it is given, e.g. --server.port=${port} or PORT=${port})");
    }
  }

  private int nextPort(String name) throws DeployException {
    try {
      return ports.getAsInt();
    } catch (UncheckedIOException e) {
      throw new DeployException(name + ": no free port on 127.0.0.1: " + e.getCause().getMessage());
    }
  }

  /** A port nothing listens on right now: bound on loopback with port 0, then released for the twin. */
  static int freeLoopbackPort() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String details(List<String> lines, Path logFile) {
    List<String> all = new ArrayList<>(lines);
    all.add("(all of its output: " + logFile + ")");
    return String.join("\n", all);
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      log.debug("close: {}", e.toString());
    }
  }

  /**
   * Why a program could not be started, the same on every JDK: each words the OS's error its own
   * way ("error=2, No such file or directory" on 17, "Exec failed, error: 2 (No such file or
   * directory)" on 25).
   */
  static String whyNotRun(IOException e) {
    String text = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
        : String.valueOf(e.getMessage());
    if (text.contains("No such file or directory")) {
      return "no such program";
    }
    if (text.contains("Permission denied")) {
      return "not executable (permission denied)";
    }
    return text.strip();
  }
}
