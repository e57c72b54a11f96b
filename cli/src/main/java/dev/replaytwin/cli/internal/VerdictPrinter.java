package dev.replaytwin.cli.internal;

import dev.replaytwin.compare.Decision;
import dev.replaytwin.compare.Verdict;
import dev.replaytwin.compare.report.ReportFormat;
import dev.replaytwin.compare.report.Reports;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The short verdict {@code twin compare} prints: the headline, the failing and undecided checks, the notes, the reports. */
public final class VerdictPrinter {
  private static final int LISTED = 12;

  private VerdictPrinter() {}

  /** The formats a {@code --format} list names. */
  public static Set<ReportFormat> formats(String option) {
    try {
      return ReportFormat.parse(option);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("--format: " + e.getMessage(), e);
    }
  }

  /** Writes the reports to {@code dir}, prints the verdict and where they are; returns the exit code. */
  public static int writeAndPrint(Verdict v, Path dir, Set<ReportFormat> formats, PrintWriter out) throws IOException {
    List<Path> written = Reports.write(v, dir, formats);
    print(v, written, out);
    out.flush();
    return v.decision().exitCode();
  }

  /**
   * The headline, then the failing checks before the undecided ones. The first check of an endpoint
   * and category is printed with its explanation and next step, the others of that group on one line
   * each (p90 and p99 of an endpoint tell one story), so one screen shows every endpoint that failed.
   */
  public static void print(Verdict v, List<Path> reports, PrintWriter out) {
    out.println(v.headline());
    List<Verdict.Check> shown = v.checks().stream().filter(c -> c.decision() != Decision.PASS)
        .sorted(Comparator.comparing((Verdict.Check c) -> c.decision() != Decision.FAIL)).toList();
    Set<String> explained = new HashSet<>();
    int lines = 0;
    int left = 0;
    for (Verdict.Check c : shown) {
      boolean first = explained.add(c.decision() + " " + c.endpoint() + " " + c.category());
      if (lines >= LISTED) {
        left++;
        continue;
      }
      out.printf("  %-12s %-24s %-9s %s%n", c.decision(), c.endpoint(), c.category(), c.name());
      if (first) {
        out.println("               " + c.explanation());
        if (!c.nextStep().isEmpty()) {
          out.println("               next: " + c.nextStep());
        }
        lines++;
      }
    }
    if (left > 0) {
      out.println("  … and " + left + " more in the report");
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
