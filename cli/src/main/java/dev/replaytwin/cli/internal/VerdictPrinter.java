package dev.replaytwin.cli.internal;

import dev.replaytwin.compare.Decision;
import dev.replaytwin.compare.Verdict;
import dev.replaytwin.compare.report.ReportFormat;
import dev.replaytwin.compare.report.Reports;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
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
