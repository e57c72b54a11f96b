package dev.replaytwin.scenario;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.compare.GatePolicy;
import dev.replaytwin.compare.report.ReportFormat;
import dev.replaytwin.core.Nullable;
import dev.replaytwin.core.capture.TimePoint;
import dev.replaytwin.deploy.TwinSpec;
import dev.replaytwin.deploy.stubs.Fault;
import dev.replaytwin.replay.CorrelationRule;
import dev.replaytwin.replay.Pacing;
import dev.replaytwin.replay.SessionRule;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One pass of ReplayTwin as a file: which capture, which twins and how they start, which
 * dependencies, how fast to replay, what the gate allows, where the report goes. Loaded and
 * validated whole by {@link Scenarios#load} before anything starts; paths are already resolved
 * against the scenario file's directory.
 */
public record Scenario(Path file, String name, String description, Capture capture, Twins twins,
    Dependencies dependencies, Replay replay, @Nullable Capacity capacity, Gate gate, Report report) {
  public Scenario {
    requireNonNull(file, "file");
    requireNonNull(name, "name");
    requireNonNull(description, "description");
    requireNonNull(capture, "capture");
    requireNonNull(twins, "twins");
    requireNonNull(dependencies, "dependencies");
    requireNonNull(replay, "replay");
    requireNonNull(gate, "gate");
    requireNonNull(report, "report");
  }

  /** What to replay: a capture (its first file, for a rotated one), a time window, filters, sampling, sessions and correlation. */
  public record Capture(Path file, @Nullable TimePoint from, @Nullable TimePoint to, List<String> include,
      List<String> exclude, double sample, @Nullable SessionRule session, List<CorrelationRule> correlate) {
    public Capture {
      requireNonNull(file, "file");
      include = List.copyOf(include);
      exclude = List.copyOf(exclude);
      correlate = List.copyOf(correlate);
    }
  }

  /**
   * The twins by name ({@code baseline}, {@code candidate}, optionally {@code baseline2}), each
   * with one spec per driver it can be started with, and the driver used unless overridden.
   */
  public record Twins(String driver, Map<String, Map<String, TwinSpec>> specs) {
    public Twins {
      requireNonNull(driver, "driver");
      specs = Map.copyOf(specs);
    }

    /** The names in the order twins start: baseline, candidate, then baseline2 and any others by name. */
    public List<String> names() {
      return specs.keySet().stream().sorted((a, b) -> Integer.compare(rank(a), rank(b)) != 0
          ? Integer.compare(rank(a), rank(b)) : a.compareTo(b)).toList();
    }

    /**
     * The spec of twin {@code name} for {@code driver} (the scenario's own when null).
     *
     * @throws IllegalArgumentException when the twin has no spec for that driver
     */
    public TwinSpec spec(String name, @Nullable String driverOverride) {
      String d = driverOverride == null ? driver : driverOverride;
      Map<String, TwinSpec> byDriver = specs.get(name);
      if (byDriver == null) {
        throw new IllegalArgumentException("twins." + name + ": no such twin (known: " + names() + ")");
      }
      TwinSpec spec = byDriver.get(d);
      if (spec == null) {
        throw new IllegalArgumentException("twins." + name + "." + d + ": missing (this twin can start with: "
            + String.join(", ", byDriver.keySet().stream().sorted().toList()) + ")");
      }
      return spec;
    }

    private static int rank(String name) {
      return switch (name) {
        case "baseline" -> 0;
        case "candidate" -> 1;
        case "baseline2" -> 2;
        default -> 3;
      };
    }
  }

  /**
   * The twins' simulated dependencies: a stubs directory made by {@code twin stubs}, or egress
   * captures to make one from; per dependency a real URL to proxy unmatched calls to; and the
   * faults every twin's simulators inject alike.
   */
  public record Dependencies(@Nullable Path stubs, List<Path> captures, String latency, Map<String, URI> proxy,
      List<Fault> faults) {
    public static final Dependencies NONE = new Dependencies(null, List.of(), "fit", Map.of(), List.of());

    public Dependencies {
      captures = List.copyOf(captures);
      requireNonNull(latency, "latency");
      proxy = Map.copyOf(proxy);
      faults = List.copyOf(faults);
    }

    public boolean any() {
      return stubs != null || !captures.isEmpty();
    }
  }

  /** How the capture is driven: pacing, how long, the warm-up not measured, looping, the lag bound. */
  public record Replay(Pacing pacing, @Nullable Duration duration, Duration warmup, boolean loop, Duration lagBound) {
    public Replay {
      requireNonNull(pacing, "pacing");
      requireNonNull(warmup, "warmup");
      requireNonNull(lagBound, "lagBound");
    }
  }

  /**
   * A capacity test instead of one replay: the capture replayed at each speed in turn (each step
   * {@code replay.duration} long, its {@code replay.warmup} not measured) until every twin breaks
   * the budget; the result is the highest speed each twin sustains.
   *
   * @param speeds the steps, multiples of the captured rate, rising
   * @param maxErrorRate the share of measured requests that may fail (5xx or no response)
   * @param maxP99 the p99 latency, from the intended send time, no step may exceed
   */
  public record Capacity(List<Double> speeds, double maxErrorRate, Duration maxP99) {
    public Capacity {
      speeds = List.copyOf(speeds);
      if (speeds.isEmpty()) {
        throw new IllegalArgumentException("speeds: none (expected: at least one, e.g. [1, 2, 4, 8])");
      }
      for (int i = 0; i < speeds.size(); i++) {
        if (!(speeds.get(i) > 0) || i > 0 && speeds.get(i) <= speeds.get(i - 1)) {
          throw new IllegalArgumentException("speeds: " + speeds + " (expected: positive and rising, e.g. [1, 2, 4, 8])");
        }
      }
      if (!(maxErrorRate >= 0 && maxErrorRate <= 1)) {
        throw new IllegalArgumentException("maxErrorRate: " + maxErrorRate + " (expected: 0..1)");
      }
      requireNonNull(maxP99, "maxP99");
    }
  }

  /** The gate policy, and the file it came from (null when written inline or the standard one). */
  public record Gate(GatePolicy policy, @Nullable Path file) {
    public Gate {
      requireNonNull(policy, "policy");
    }
  }

  /** Where the report goes and in which formats. */
  public record Report(Path dir, Set<ReportFormat> formats) {
    public Report {
      requireNonNull(dir, "dir");
      formats = Set.copyOf(formats);
    }
  }
}
