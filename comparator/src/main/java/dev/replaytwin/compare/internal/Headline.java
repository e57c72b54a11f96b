package dev.replaytwin.compare.internal;

import dev.replaytwin.compare.Decision;
import dev.replaytwin.compare.Verdict;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The verdict's first sentence: the decision, how many checks failed, and the worst of them in words. */
final class Headline {
  private static final int NAMED = 3;

  private Headline() {}

  static String of(Decision decision, List<Verdict.Check> checks, List<String> invalid) {
    long failed = checks.stream().filter(c -> c.decision() == Decision.FAIL).count();
    long inconclusive = checks.stream().filter(c -> c.decision() == Decision.INCONCLUSIVE).count();
    StringBuilder s = new StringBuilder(decision.name()).append(": ");
    if (!invalid.isEmpty()) {
      s.append("the replay is not valid (").append(invalid.get(0)).append(")");
      if (failed > 0) {
        s.append("; ").append(failed).append(" checks would fail");
      }
      return s.toString();
    }
    if (failed > 0) {
      s.append(String.format(Locale.ROOT, "%d of %d checks failed: ", failed, checks.size()));
      s.append(checks.stream().filter(c -> c.decision() == Decision.FAIL).limit(NAMED).map(Headline::phrase)
          .collect(Collectors.joining("; ")));
      if (failed > NAMED) {
        s.append("; and ").append(failed - NAMED).append(" more");
      }
    } else if (inconclusive > 0) {
      s.append(String.format(Locale.ROOT, "no check failed, but %d of %d could not be decided: ", inconclusive,
          checks.size()));
      s.append(checks.stream().filter(c -> c.decision() == Decision.INCONCLUSIVE).limit(NAMED)
          .map(c -> c.category() + " " + c.name() + " of " + c.endpoint()).collect(Collectors.joining("; ")));
    } else {
      s.append(String.format(Locale.ROOT, "all %d checks passed", checks.size()));
    }
    return s.toString();
  }

  private static String phrase(Verdict.Check c) {
    return switch (c.category()) {
      case "latency" -> c.effect() == null ? c.name() + " of " + c.endpoint()
          : String.format(Locale.ROOT, "%s of %s rose %.0f%% (%+.1f ms)", c.name(), c.endpoint(),
              c.effect().relative() * 100, c.effect().absolute());
      case "errors" -> String.format(Locale.ROOT, "%s failed %s of requests (baseline %s)", c.endpoint(),
          c.candidate().text(), c.baseline().text());
      case "responses" -> c.endpoint() + " " + c.name();
      default -> c.category() + " " + c.name() + " of " + c.endpoint();
    };
  }
}
