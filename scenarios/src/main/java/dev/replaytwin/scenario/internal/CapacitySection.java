package dev.replaytwin.scenario.internal;

import dev.replaytwin.core.Nullable;
import dev.replaytwin.core.yaml.YamlFields;
import dev.replaytwin.core.yaml.YamlNode;
import dev.replaytwin.scenario.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a scenario's {@code capacity:} section ({@code speeds: [1, 2, 4, 8]},
 * {@code budget: {errors: 1%, p99: 250ms}}), which needs {@code replay.duration} as the length of a
 * step and takes the place of {@code replay.speed}, {@code rate} and {@code max}.
 */
final class CapacitySection {
  static final List<String> KEYS = List.of("speeds", "budget");
  static final List<String> BUDGET_KEYS = List.of("errors", "p99");

  private CapacitySection() {}

  static Scenario.@Nullable Capacity read(YamlFields f, YamlNode.Entry entry, YamlNode.@Nullable Entry replay) {
    Map<String, YamlNode.Entry> m = f.entries(entry.value(), "capacity", KEYS);
    List<Double> speeds = new ArrayList<>();
    YamlNode.Entry speedsEntry = m.get("speeds");
    if (speedsEntry == null) {
      f.missing(entry.line(), "capacity.speeds", "the speeds to step through, e.g. speeds: [1, 2, 4, 8]");
    }
    for (String t : f.texts(speedsEntry, "capacity.speeds", List.of())) {
      String n = t.endsWith("x") ? t.substring(0, t.length() - 1) : t;
      try {
        speeds.add(Double.parseDouble(n));
      } catch (NumberFormatException e) {
        f.problem(speedsEntry.value().line(), "capacity.speeds", t + " (expected: a speed, e.g. 2 or 2x)");
      }
    }
    YamlNode.Entry budgetEntry = m.get("budget");
    double errors = 0.01;
    Duration p99 = null;
    if (budgetEntry == null) {
      f.missing(entry.line(), "capacity.budget", "what a step may not exceed, e.g. budget: {errors: 1%, p99: 250ms}");
    } else {
      Map<String, YamlNode.Entry> b = f.entries(budgetEntry.value(), "capacity.budget", BUDGET_KEYS);
      errors = f.share(b.get("errors"), "capacity.budget.errors", errors);
      p99 = f.duration(b.get("p99"), "capacity.budget.p99", null, Duration.ofMillis(1));
      if (b.get("p99") == null) {
        f.missing(budgetEntry.line(), "capacity.budget.p99", "the p99 latency a step may not exceed, e.g. p99: 250ms");
      }
    }
    checkReplay(f, entry, replay);
    if (speeds.isEmpty() || p99 == null) {
      return null;
    }
    try {
      return new Scenario.Capacity(speeds, errors, p99);
    } catch (IllegalArgumentException e) {
      f.problem(speedsEntry.value().line(), "capacity.speeds", e.getMessage().replaceFirst("^speeds: ", ""));
      return null;
    }
  }

  private static void checkReplay(YamlFields f, YamlNode.Entry capacity, YamlNode.@Nullable Entry replay) {
    Map<String, YamlNode.Entry> r = replay != null && replay.value() instanceof YamlNode.Mapping mapping
        ? mapping.entries().stream().collect(java.util.stream.Collectors.toMap(YamlNode.Entry::key, e -> e, (a, b) -> a))
        : Map.of();
    for (String pacing : List.of("speed", "rate", "max")) {
      if (r.containsKey(pacing)) {
        f.problem(r.get(pacing).line(), "replay." + pacing, "given with capacity (expected: none; capacity.speeds"
            + " sets the speed of each step)");
      }
    }
    if (!r.containsKey("duration")) {
      f.missing(replay != null ? replay.line() : capacity.line(), "replay.duration",
          "how long each capacity step replays, e.g. duration: 30s");
    }
  }
}
