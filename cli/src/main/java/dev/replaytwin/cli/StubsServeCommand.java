package dev.replaytwin.cli;

import dev.replaytwin.cli.internal.InvalidInputException;
import dev.replaytwin.deploy.stubs.DependencySimulators;
import dev.replaytwin.deploy.stubs.SimulatorOptions;
import dev.replaytwin.deploy.stubs.StubsException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code twin stubs serve DIR}: runs the dependency simulators of a stubs directory until SIGTERM or
 * Ctrl-C, for a developer pointing a service at them by hand.
 *
 * <pre>
 * twin stubs serve stubs/ --port-base 39001
 * </pre>
 */
@Command(
    name = "serve",
    description = {
        "Run the dependency simulators of a stubs directory (made by twin stubs) until SIGTERM or Ctrl-C: one"
            + " WireMock server per dependency on 127.0.0.1, serving the captured responses with the fitted delays;"
            + " calls no stub matches get 501. Prints each dependency's URL.",
        "Exit 0 when stopped, 2 on bad input (not a stubs directory, a port in use)."},
    sortOptions = false)
public final class StubsServeCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The stubs directory (holding stubs.json).")
  private Path dir;

  @Option(names = "--port-base", paramLabel = "PORT", defaultValue = "0",
      description = "The first dependency (by name) listens on PORT, the next on PORT+1, ... (default: free ports).")
  private int portBase;

  @Option(names = "--no-latency", description = "Answer at once instead of after the fitted delays.")
  private boolean noLatency;

  private final CountDownLatch stopped = new CountDownLatch(1);

  @Override
  public Integer call() throws IOException, InterruptedException {
    SimulatorOptions options;
    try {
      options = SimulatorOptions.DEFAULTS.withLatency(!noLatency).withPortBase(portBase);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("--port-base " + portBase + ": not a port (expected: 1..65535, or 0 for free"
          + " ports)", e);
    }
    DependencySimulators simulators;
    try {
      simulators = DependencySimulators.start(dir, "dev", options);
    } catch (StubsException e) {
      throw new InvalidInputException(e.getMessage(), e);
    }
    Thread hook = new Thread(() -> stop(simulators), "twin-stubs-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      PrintWriter out = spec.commandLine().getOut();
      simulators.urls().forEach((dependency, url) -> out.println(dependency + " " + url));
      out.println("twin stubs serve: " + simulators.urls().size() + " simulators from " + dir
          + " (SIGTERM or Ctrl-C stops)");
      out.flush();
      stopped.await();
    } finally {
      stop(simulators);
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running: it is what stopped us.
      }
    }
    PrintWriter err = spec.commandLine().getErr();
    simulators.unmatched().forEach((dependency, n) -> {
      if (n > 0) {
        err.println("twin stubs serve: " + dependency + ": " + n + " calls matched no stub");
      }
    });
    err.flush();
    return ExitCodes.OK;
  }

  /** Stops serving, as SIGTERM does; for tests and embedders. */
  void shutdown() {
    stopped.countDown();
  }

  private void stop(DependencySimulators simulators) {
    simulators.close();
    stopped.countDown();
  }
}
