package dev.replaytwin.cli;

import dev.replaytwin.cli.internal.InvalidInputException;
import dev.replaytwin.deploy.stubs.LatencyMode;
import dev.replaytwin.deploy.stubs.StubGenerator;
import dev.replaytwin.deploy.stubs.StubIndex;
import dev.replaytwin.deploy.stubs.StubOptions;
import dev.replaytwin.deploy.stubs.StubsException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code twin stubs}: WireMock stubs of a service's dependencies, made from the OUTBOUND exchanges
 * of egress captures, for the dependency simulators each twin runs against.
 *
 * <pre>
 * twin stubs --capture egress.twcap --out stubs/
 * twin stubs --capture egress.twcap --out stubs/ --dependency payments --latency empirical
 * </pre>
 */
@Command(
    name = "stubs",
    description = {
        "Make WireMock stubs of the service's dependencies from the OUTBOUND exchanges of captures (recorded by"
            + " the capture proxy's --egress listener): per dependency DIR/<name>/mappings/*.json in WireMock's own"
            + " format, and DIR/stubs.json, the index.",
        "Stubs match method, exact path and the query and body fields that tell the captured requests apart;"
            + " a request answered differently over time steps through its responses in order; each endpoint is"
            + " served with a delay fitted to its captured latencies. docs/stubs.md has the rules.",
        "Exit 0 when the stubs were written, 2 on bad input (no such capture, no OUTBOUND exchanges, --out not"
            + " empty).",
        "twin stubs serve DIR runs the simulators of a stubs directory for a service started by hand."},
    subcommands = StubsServeCommand.class,
    sortOptions = false)
public final class StubsCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  // Not required by picocli, which would then ask for them with "stubs serve" too; call() checks them.
  @Option(names = "--capture", paramLabel = "FILE",
      description = "A capture holding OUTBOUND exchanges (repeatable; read in the order given).")
  private List<Path> captures = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR", description = "Where to write the stubs (new or empty).")
  private Path out;

  @Option(names = "--dependency", paramLabel = "NAME",
      description = "Only this dependency (repeatable; default: every one in the captures).")
  private List<String> dependencies = new ArrayList<>();

  @Option(names = "--latency", paramLabel = "MODEL", defaultValue = "fit",
      description = "Each endpoint's delay: fit (a lognormal when it fits the captured latencies, else their"
          + " empirical distribution), lognormal, empirical or none (default: ${DEFAULT-VALUE}).")
  private String latency;

  @Override
  public Integer call() throws IOException {
    if (captures.isEmpty() || out == null) {
      throw new ParameterException(spec.commandLine(), "Missing required option"
          + (captures.isEmpty() && out == null ? "s: '--capture=FILE', '--out=DIR'"
          : captures.isEmpty() ? ": '--capture=FILE'" : ": '--out=DIR'"));
    }
    LatencyMode mode;
    try {
      mode = LatencyMode.of(latency);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("--latency " + latency + ": not a latency model (expected: fit, lognormal,"
          + " empirical or none)", e);
    }
    for (Path capture : captures) {
      if (Files.isDirectory(capture)) {
        throw new InvalidInputException(capture + ": is a directory (expected: a .twcap capture file)", null);
      }
    }
    StubIndex index;
    try {
      index = StubGenerator.generate(captures, out,
          StubOptions.DEFAULTS.withDependencies(new LinkedHashSet<>(dependencies)).withLatency(mode));
    } catch (StubsException e) {
      throw new InvalidInputException(e.getMessage(), e);
    }
    print(index, spec.commandLine().getOut());
    PrintWriter err = spec.commandLine().getErr();
    for (StubIndex.DependencyStubs d : index.dependencies()) {
      if (d.withoutResponse() > 0) {
        err.println("warning: " + d.name() + ": " + d.withoutResponse() + " exchanges without a response left out"
            + " (timeouts or resets; inject them as faults if a scenario needs them)");
      }
      if (d.droppedSteps() > 0) {
        err.println("warning: " + d.name() + ": " + d.droppedSteps() + " responses past "
            + StubOptions.DEFAULT_MAX_SCENARIO_STEPS + " in one sequence left out");
      }
    }
    err.flush();
    return ExitCodes.OK;
  }

  private void print(StubIndex index, PrintWriter out) {
    long exchanges = index.captures().stream().mapToLong(StubIndex.SourceCapture::outboundExchanges).sum();
    int mappings = index.dependencies().stream().mapToInt(StubIndex.DependencyStubs::mappings).sum();
    int scenarios = index.dependencies().stream().mapToInt(StubIndex.DependencyStubs::scenarios).sum();
    out.println("twin stubs: " + plural(index.dependencies().size(), "dependency", "dependencies") + ", "
        + plural(mappings, "mapping", "mappings") + ", " + plural(scenarios, "sequence", "sequences") + " from "
        + plural(exchanges, "OUTBOUND exchange", "OUTBOUND exchanges") + " -> " + this.out);
    int width = 0;
    for (StubIndex.DependencyStubs d : index.dependencies()) {
      for (StubIndex.EndpointStubs e : d.endpoints()) {
        width = Math.max(width, e.endpoint().length());
      }
    }
    for (StubIndex.DependencyStubs d : index.dependencies()) {
      out.println("  " + d.name() + ": " + plural(d.endpoints().size(), "endpoint", "endpoints") + ", "
          + plural(d.mappings(), "mapping", "mappings") + ", " + plural(d.scenarios(), "sequence", "sequences"));
      for (StubIndex.EndpointStubs e : d.endpoints()) {
        out.println(String.format(Locale.ROOT, "    %-" + width + "s  %6d exchanges  %4d mappings  %3d sequences  %s",
            e.endpoint(), e.exchanges(), e.mappings(), e.scenarios(), e.latency().describe())
            + (e.matchedFields().isEmpty() ? "" : "  matching " + String.join(", ", e.matchedFields())));
      }
    }
    out.flush();
  }

  private static String plural(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
