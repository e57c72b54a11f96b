package dev.replaytwin.cli.internal;

import dev.replaytwin.compare.Decision;
import dev.replaytwin.compare.Verdict;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** The short verdict {@code twin compare} prints: the headline, the failing and undecided checks, the notes, the reports. */
public final class VerdictPrinter {
  private static final int LISTED = 12;

  private VerdictPrinter() {}

  public static void print(Verdict v, List<Path> reports, PrintWriter out) {
    out.println(v.headline());
    List<Verdict.Check> shown = v.checks().stream().filter(c -> c.decision() != Decision.PASS).toList();
    for (Verdict.Check c : shown.subList(0, Math.min(LISTED, shown.size()))) {
      out.printf("  %-12s %-24s %-9s %s%n", c.decision(), c.endpoint(), c.category(), c.name());
      out.println("               " + c.explanation());
      if (!c.nextStep().isEmpty()) {
        out.println("               next: " + c.nextStep());
      }
    }
    if (shown.size() > LISTED) {
      out.println("  … and " + (shown.size() - LISTED) + " more in the report");
    }
    for (String n : v.notes()) {
      out.println("  note: " + n);
    }
    if (!v.calibration().text().isEmpty()) {
      out.println("  " + v.calibration().text());
    }
    for (Path p : reports) {
      out.println("report: " + p);
    }
  }
}
