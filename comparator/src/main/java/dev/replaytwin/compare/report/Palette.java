package dev.replaytwin.compare.report;

import dev.replaytwin.compare.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One color per target for the whole HTML report, so a target looks the same in every chart and
 * legend: the baseline blue, the candidate red, the noise target (the second baseline) gray and
 * dashed, any other target the next color of a fixed list in order of first appearance.
 */
final class Palette {
  static final String BASELINE = "#1f6fd1";
  static final String CANDIDATE = "#d6452b";
  static final String NOISE = "#7a7a7a";
  private static final List<String> OTHERS = List.of("#2a9d5c", "#8e44ad", "#c98a00", "#138496", "#d63384",
      "#5c6f7e");

  private final Verdict.Inputs inputs;
  private final Map<String, String> colors = new LinkedHashMap<>();

  Palette(Verdict v) {
    this.inputs = v.inputs();
    colors.put(inputs.baseline(), BASELINE);
    colors.put(inputs.candidate(), CANDIDATE);
    if (!inputs.noise().isEmpty()) {
      colors.put(inputs.noise(), NOISE);
    }
    v.charts().distributions().forEach(d -> assign(d.target()));
    v.charts().series().forEach(s -> assign(s.target()));
  }

  private void assign(String target) {
    if (!colors.containsKey(target)) {
      int others = colors.size() - (inputs.noise().isEmpty() ? 2 : 3);
      colors.put(target, OTHERS.get(Math.floorMod(others, OTHERS.size())));
    }
  }

  String color(String target) {
    String color = colors.get(target);
    return color == null ? OTHERS.get(OTHERS.size() - 1) : color;
  }

  /** Dashed for the noise target, so it reads apart from the baseline without relying on color. */
  boolean dashed(String target) {
    return !inputs.noise().isEmpty() && target.equals(inputs.noise());
  }

  /** {@code baseline}, {@code candidate}, {@code noise} or {@code ""}. */
  String role(String target) {
    if (target.equals(inputs.baseline())) {
      return "baseline";
    }
    if (target.equals(inputs.candidate())) {
      return "candidate";
    }
    return dashed(target) ? "noise" : "";
  }

  /** Targets in legend order: baseline, candidate, noise, then the others. */
  List<String> order(List<String> targets) {
    return colors.keySet().stream().filter(targets::contains).toList();
  }
}
