package dev.replaytwin.junit.internal;

import dev.replaytwin.compare.Decision;
import dev.replaytwin.compare.Verdict;
import dev.replaytwin.junit.ReplayResult;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A verdict as a failed test shows it, in an IDE's failure panel or a build log: the headline, what
 * the candidate was judged against, each failing check (or, when none failed, each undecided one)
 * with its explanation, a few example requests and the next step, and where the reports are.
 */
public final class FailureMessage {
  private static final int EXAMPLES = 3;

  private FailureMessage() {}

  public static String of(ReplayResult r) {
    Verdict v = r.verdict();
    StringBuilder s = new StringBuilder("ReplayTwin ").append(v.headline()).append('\n');
    s.append("judged against ").append(r.judgedAgainst()).append('\n');
    List<Verdict.Check> failed = v.checks().stream().filter(c -> c.decision() == Decision.FAIL).toList();
    List<Verdict.Check> undecided = v.checks().stream().filter(c -> c.decision() == Decision.INCONCLUSIVE).toList();
    // An invalid replay makes the verdict INCONCLUSIVE whatever its checks say: show what would fail.
    List<Verdict.Check> listed = v.decision() == Decision.PASS ? List.of() : failed.isEmpty() ? undecided : failed;
    for (Verdict.Check c : listed) {
      s.append('\n').append(c.decision()).append("  ").append(c.endpoint()).append("  ").append(c.category())
          .append(' ').append(c.name()).append('\n');
      s.append("    ").append(c.explanation()).append('\n');
      if (!c.examples().isEmpty()) {
        s.append("    e.g. ").append(c.examples().stream().limit(EXAMPLES)
            .map(e -> e.exchangeId() + (e.loop() > 0 ? "/" + e.loop() : "") + ": " + e.detail())
            .collect(Collectors.joining("; "))).append('\n');
      }
      if (!c.nextStep().isEmpty()) {
        s.append("    next: ").append(c.nextStep()).append('\n');
      }
    }
    if (!failed.isEmpty() && !undecided.isEmpty()) {
      s.append('\n').append(undecided.size()).append(" more check").append(undecided.size() == 1 ? "" : "s")
          .append(" could not be decided (see the report)\n");
    }
    if (!v.inputs().replayValid()) {
      s.append("\nThe replay is not valid (see the first line), so no verdict can stand: lower the rate or speed,"
          + " or allow more lag with lagBound.\n");
    }
    if (!r.notes().isEmpty()) {
      s.append('\n');
      r.notes().forEach(n -> s.append("note: ").append(n).append('\n'));
    }
    s.append("\nreports: ").append(r.reportDir().toAbsolutePath().normalize()).append(" (")
        .append(r.reports().stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(", ")))
        .append(")\n");
    s.append("run:     ").append(r.runDir().toAbsolutePath().normalize());
    return s.toString();
  }
}
