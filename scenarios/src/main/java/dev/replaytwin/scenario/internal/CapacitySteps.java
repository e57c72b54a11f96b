package dev.replaytwin.scenario.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.replaytwin.compare.Decision;
import dev.replaytwin.core.run.Outcome;
import dev.replaytwin.core.run.OutcomeReader;
import dev.replaytwin.core.run.RunDirectory;
import dev.replaytwin.core.run.RunManifest;
import dev.replaytwin.scenario.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The steps of a capacity scenario: what each twin did at each speed, whether it stayed within the
 * budget, and the highest speed each sustains (every step up to it within budget). Stepping stops
 * when every twin has broken the budget or the replayer itself could not keep the pace.
 */
public final class CapacitySteps {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * One twin at one speed, over the measured part of the step.
   *
   * @param errorRate share of requests with a 5xx or no response
   * @param p99Millis p99 latency from the intended send time
   * @param perSecond measured requests per second of the step
   */
  public record Measure(String twin, long requests, long failed, double errorRate, double p99Millis, double perSecond,
      boolean withinBudget) {}

  /** One speed: every twin's measure, and whether the replayer kept the pace (else the step does not count). */
  public record Step(double speed, List<Measure> twins, boolean valid, List<String> invalidReasons) {}

  private final Scenario.Capacity capacity;
  private final List<String> names;
  private final List<Step> steps = new ArrayList<>();
  private final Map<String, Double> exitedAt = new LinkedHashMap<>();

  public CapacitySteps(Scenario.Capacity capacity, List<String> names) {
    this.capacity = requireNonNull(capacity, "capacity");
    this.names = List.copyOf(names);
  }

  /** The step at {@code speed} as its directory in the run and the reports name it: {@code 1x}, {@code 2.5x}. */
  public static String stepName(double speed) {
    return (speed == Math.rint(speed) ? String.valueOf((long) speed) : String.valueOf(speed)) + "x";
  }

  /**
   * Reads the step replayed into {@code dir} at {@code speed}.
   *
   * @return true when stepping should go on: the step was valid and some twin is still within budget
   */
  public boolean measure(double speed, RunDirectory dir) throws IOException {
    RunManifest m = RunManifest.read(dir.manifest());
    long from = m.measuredFrom();
    List<Measure> measures = new ArrayList<>();
    for (String name : names) {
      measures.add(measure(name, dir.outcomes(name), from));
    }
    Step step = new Step(speed, measures, m.health().valid(), m.health().reasons());
    steps.add(step);
    return step.valid() && names.stream().anyMatch(n -> sustained(n) == speed);
  }

  private Measure measure(String name, Path outcomes, long from) throws IOException {
    long[] latencies = new long[1024];
    int n = 0;
    long failed = 0;
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    try (OutcomeReader reader = OutcomeReader.open(outcomes)) {
      for (Outcome o = reader.next(); o != null; o = reader.next()) {
        if (o.intendedEpochNanos() < from) {
          continue;
        }
        if (!o.answered() || o.status() >= 500) {
          failed++;
        }
        if (n == latencies.length) {
          latencies = Arrays.copyOf(latencies, n * 2);
        }
        latencies[n++] = o.latencyNanos();
        first = Math.min(first, o.intendedEpochNanos());
        last = Math.max(last, o.intendedEpochNanos());
      }
    }
    Arrays.sort(latencies, 0, n);
    double p99 = n == 0 ? 0 : latencies[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)] / 1e6;
    double rate = n == 0 ? 0 : (double) failed / n;
    double seconds = last > first ? (last - first) / 1e9 : 0;
    boolean within = n > 0 && rate <= capacity.maxErrorRate() && p99 <= capacity.maxP99().toNanos() / 1e6;
    return new Measure(name, n, failed, rate, p99, seconds > 0 ? n / seconds : 0, within);
  }

  /** Twin {@code twin} exited during the step at {@code speed}: that step is not measured, and it broke there. */
  public void exited(String twin, double speed) {
    exitedAt.putIfAbsent(twin, speed);
  }

  /** The highest speed {@code twin} sustained, every valid step up to it within budget; 0 when none. */
  public double sustained(String twin) {
    double best = 0;
    for (Step s : steps) {
      if (!s.valid()) {
        break;
      }
      Measure m = s.twins().stream().filter(t -> t.twin().equals(twin)).findFirst().orElseThrow();
      if (!m.withinBudget()) {
        break;
      }
      best = s.speed();
    }
    return best;
  }

  /** True when {@code twin} sustained the last measured valid step, so its capacity is at least that. */
  private boolean unbroken(String twin) {
    if (exitedAt.containsKey(twin)) {
      return false;
    }
    List<Step> valid = steps.stream().filter(Step::valid).toList();
    return !valid.isEmpty() && sustained(twin) == valid.get(valid.size() - 1).speed();
  }

  /**
   * FAIL when the candidate sustains a lower speed than the baseline (than both baselines, with a
   * second one); INCONCLUSIVE when no step was valid, the baseline broke the budget at the first
   * step, or the two baselines disagree about the candidate.
   */
  public Decision decision() {
    if (steps.isEmpty() || !steps.get(0).valid() || sustained("baseline") == 0) {
      return Decision.INCONCLUSIVE;
    }
    double candidate = sustained("candidate");
    double baseline = sustained("baseline");
    if (names.contains("baseline2")) {
      double other = sustained("baseline2");
      if (candidate < Math.min(baseline, other)) {
        return Decision.FAIL;
      }
      return candidate < Math.max(baseline, other) ? Decision.INCONCLUSIVE : Decision.PASS;
    }
    return candidate < baseline ? Decision.FAIL : Decision.PASS;
  }

  /** One line: each twin's sustained speed, and the budget. */
  public String summary() {
    if (steps.isEmpty()) {
      return "no capacity step was replayed";
    }
    if (!steps.get(0).valid()) {
      return "the replayer could not keep the pace of the first step (" + stepName(steps.get(0).speed()) + "): "
          + String.join("; ", steps.get(0).invalidReasons());
    }
    List<String> parts = new ArrayList<>();
    for (String n : names) {
      double s = sustained(n);
      parts.add(n + " " + (s == 0 ? "breaks the budget at " + stepName(steps.get(0).speed())
          : (unbroken(n) ? "sustains at least " : "sustains ") + stepName(s))
          + (exitedAt.containsKey(n) ? ", then exited during the " + stepName(exitedAt.get(n)) + " step" : ""));
    }
    return String.join(", ", parts) + " (budget: errors ≤ " + percent(capacity.maxErrorRate()) + ", p99 ≤ "
        + millis(capacity.maxP99().toNanos() / 1e6) + ")";
  }

  public List<Step> steps() {
    return List.copyOf(steps);
  }

  /** Writes {@code capacity.json} and {@code capacity.md} into {@code dir}; returns their paths. */
  public List<Path> write(Path dir, Decision decision) throws IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("decision", decision.name());
    json.put("summary", summary());
    json.put("budget", Map.of("errorRate", capacity.maxErrorRate(), "p99Millis", capacity.maxP99().toNanos() / 1e6));
    Map<String, Object> sustained = new LinkedHashMap<>();
    names.forEach(n -> sustained.put(n, exitedAt.containsKey(n)
        ? Map.of("speed", sustained(n), "atLeast", false, "exitedAt", exitedAt.get(n))
        : Map.of("speed", sustained(n), "atLeast", unbroken(n))));
    json.put("sustained", sustained);
    json.put("steps", steps);
    Path jsonFile = dir.resolve("capacity.json");
    Path mdFile = dir.resolve("capacity.md");
    atomically(jsonFile, JSON.writeValueAsBytes(json));
    atomically(mdFile, markdown(decision).getBytes(StandardCharsets.UTF_8));
    return List.of(mdFile, jsonFile);
  }

  private String markdown(Decision decision) {
    StringBuilder b = new StringBuilder("# Capacity: ").append(decision.name()).append("\n\n")
        .append(summary()).append(".\n\n| speed | twin | requests/s | failed | p99 | within budget |\n")
        .append("|---|---|---|---|---|---|\n");
    for (Step s : steps) {
      for (Measure m : s.twins()) {
        b.append("| ").append(stepName(s.speed())).append(s.valid() ? "" : " (replayer behind)").append(" | ")
            .append(m.twin()).append(" | ").append(String.format(Locale.ROOT, "%.1f", m.perSecond())).append(" | ")
            .append(percent(m.errorRate())).append(" | ").append(millis(m.p99Millis())).append(" | ")
            .append(m.withinBudget() ? "yes" : "**no**").append(" |\n");
      }
    }
    return b.toString();
  }

  private static void atomically(Path file, byte[] bytes) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(tmp, bytes);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.2f%%", share * 100);
  }

  private static String millis(double ms) {
    return String.format(Locale.ROOT, ms >= 100 ? "%.0f ms" : "%.1f ms", ms);
  }
}
