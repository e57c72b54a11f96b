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
    Decision shown = v.decision() == Decision.PASS ? null : v.decision();
    List<Verdict.Check> listed = shown == null ? List.of()
        : v.checks().stream().filter(c -> c.decision() == shown).toList();
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
    long undecided = v.checks().stream().filter(c -> c.decision() == Decision.INCONCLUSIVE).count();
    if (v.decision() == Decision.FAIL && undecided > 0) {
      s.append('\n').append(undecided).append(" more check").append(undecided == 1 ? "" : "s")
          .append(" could not be decided (see the report)\n");
    }
    List<String> notes = v.decision() == Decision.INCONCLUSIVE ? v.notes() : List.of();
    if (!notes.isEmpty() || !r.notes().isEmpty()) {
      s.append('\n');
      notes.forEach(n -> s.append("note: ").append(n).append('\n'));
      r.notes().forEach(n -> s.append("note: ").append(n).append('\n'));
    }
    s.append("\nreports: ").append(r.reportDir().toAbsolutePath().normalize()).append(" (")
        .append(r.reports().stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(", ")))
        .append(")\n");
    s.append("run:     ").append(r.runDir().toAbsolutePath().normalize());
    return s.toString();
  }
}
