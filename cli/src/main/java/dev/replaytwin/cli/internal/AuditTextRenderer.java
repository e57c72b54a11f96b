package dev.replaytwin.cli.internal;

import dev.replaytwin.core.capture.CaptureHeader;
import dev.replaytwin.core.scrub.PiiFinding;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code twin capture audit} as text: one line per finding as it is found (exchange id, rule,
 * location, masked excerpt), then a summary.
 */
public final class AuditTextRenderer {
  private static final String LABEL = "%-14s %s%n";

  private final PrintWriter out;

  public AuditTextRenderer(PrintWriter out) {
    this.out = out;
  }

  public void finding(PiiFinding f) {
    out.printf("%s  %-15s  %-28s  %s%n", f.exchangeId(), f.rule(), f.location(), HumanFormat.printable(f.maskedExcerpt()));
  }

  public void summary(Path capture, CaptureHeader header, AuditTally tally) {
    long hidden = tally.findings() - tally.shown().size();
    if (hidden > 0) {
      out.println("… " + HumanFormat.count(hidden) + (hidden == 1 ? " more finding" : " more findings")
          + " not shown (--limit sets how many are)");
    }
    if (tally.findings() > 0) {
      out.println();
    }
    String exchanges = HumanFormat.count(tally.exchanges()) + (tally.exchanges() == 1 ? " exchange" : " exchanges");
    out.printf(LABEL, "Audit", capture + ": " + exchanges + ", " + (tally.findings() == 0 ? "no personal data found"
        : HumanFormat.count(tally.findings()) + (tally.findings() == 1 ? " finding" : " findings") + " in "
            + HumanFormat.count(tally.exchangesWithFindings()) + (tally.exchangesWithFindings() == 1 ? " exchange"
            : " exchanges")));
    out.printf(LABEL, "Scrub policy", header.scrubPolicyDigest().isEmpty()
        ? "none recorded (the capture was written without scrubbing)" : header.scrubPolicyDigest());
    if (!tally.byRule().isEmpty()) {
      List<String> rules = new ArrayList<>();
      for (Map.Entry<String, Long> r : tally.byRule().entrySet()) {
        rules.add(r.getKey() + " " + HumanFormat.count(r.getValue()));
      }
      out.printf(LABEL, "By rule", String.join(", ", rules));
    }
    out.flush();
  }
}
