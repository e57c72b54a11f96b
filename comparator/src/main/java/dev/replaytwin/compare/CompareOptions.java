package dev.replaytwin.compare;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code twin compare} judges.
 *
 * @param runs run directories of one replay: one, or one per shard ({@code --shard i/N}), whose
 *     requests are pooled
 * @param baseline the baseline target's name
 * @param candidate the candidate target's name
 * @param noise a second baseline (an A/A pair with the baseline) measuring the noise floor, or
 *     {@code ""} for none
 * @param policy the gate policy
 */
public record CompareOptions(List<Path> runs, String baseline, String candidate, String noise, GatePolicy policy) {
  public CompareOptions {
    runs = List.copyOf(runs);
    requireNonNull(baseline, "baseline");
    requireNonNull(candidate, "candidate");
    requireNonNull(noise, "noise");
    requireNonNull(policy, "policy");
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("runs: none (expected: a run directory written by twin replay)");
    }
    if (baseline.equals(candidate) || baseline.equals(noise) || candidate.equals(noise)) {
      throw new IllegalArgumentException("targets: baseline " + baseline + ", candidate " + candidate
          + (noise.isEmpty() ? "" : ", noise " + noise) + " (expected: different targets)");
    }
  }
}
