package dev.replaytwin.compare;

import dev.replaytwin.compare.internal.Judgement;
import java.io.IOException;

/**
 * Judges a run: the candidate against the baseline, request by request, with an optional second
 * baseline as the noise floor, under a {@link GatePolicy}.
 *
 * <pre>{@code
 * Verdict v = Comparison.run(new CompareOptions(List.of(Path.of("runs/rc-42")), "baseline", "candidate",
 *     "baseline2", GatePolicy.read(Path.of("gate.yaml"))));
 * System.exit(v.decision().exitCode());
 * }</pre>
 */
public final class Comparison {
  private Comparison() {}

  /**
   * Reads the run directories once, streaming their outcomes, and returns the verdict.
   *
   * @throws CompareException when the input cannot be judged: a missing or unfinished run, a target
   *     the run lacks, a policy naming an endpoint the run does not have or an unusable ignore rule
   * @throws IOException when a file cannot be read
   */
  public static Verdict run(CompareOptions options) throws CompareException, IOException {
    return Judgement.of(options);
  }
}
