package dev.replaytwin.cli.internal;

import dev.replaytwin.core.ContextTags;
import dev.replaytwin.core.capture.CaptureHeader;
import dev.replaytwin.core.capture.CaptureProblem;
import dev.replaytwin.core.capture.Codec;
import dev.replaytwin.core.capture.ReadTotals;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code twin capture stats} as text: a labelled summary, then tables of directions and endpoints. */
public final class StatsTextRenderer {
  private static final String LABEL = "%-14s %s%n";

  private final PrintWriter out;

  public StatsTextRenderer(PrintWriter out) {
    this.out = out;
  }

  /** Writes the whole report, with the {@code top} busiest endpoints. */
  public void render(CaptureStats stats, int top) {
    renderHeader(stats);
    out.println();
    renderFigures(stats);
    out.println();
    renderDirections(stats.tally());
    out.println();
    renderEndpoints(stats.tally().endpoints(), top);
    out.println();
    renderProblems(stats.problems());
    out.flush();
  }

  private void renderHeader(CaptureStats stats) {
    CaptureHeader h = stats.header();
    line("Capture", stats.capture().toString());
    List<Path> files = stats.files();
    if (files.size() == 1 && files.get(0).equals(stats.capture())) {
      line("Segments", "1 file");
    } else {
      line("Segments", files.size() + (files.size() == 1 ? " file: " : " files: ")
          + String.join(", ", files.stream().map(f -> f.getFileName().toString()).toList()));
    }
    line("Format", "version " + h.formatVersion());
    line("Writer", h.writer().isEmpty() ? "(not recorded)" : h.writer());
    line("Created", HumanFormat.instantMillis(h.createdAt()));
    line("Capture id", h.captureId());
    line("Scrub policy", h.scrubPolicyDigest().isEmpty() ? "none" : h.scrubPolicyDigest());
    line("Context", context(h.context()));
    if (!h.otherFields().isEmpty()) {
      line("Other fields", keyValues(h.otherFields()));
    }
  }

  private void renderFigures(CaptureStats stats) {
    CaptureTally t = stats.tally();
    line("Records", HumanFormat.count(t.records()) + " exchanges (" + HumanFormat.count(t.inbound()) + " inbound, "
        + HumanFormat.count(t.outbound()) + " outbound)");
    if (t.records() > 0) {
      line("Time span", HumanFormat.instantMillis(t.firstNanos()) + " .. " + HumanFormat.instantMillis(t.lastNanos())
          + " (" + HumanFormat.duration(t.spanNanos()) + ")");
      PeakRate.Peak peak = t.peakRate().peak();
      String rate = "mean " + HumanFormat.rate(t.meanRate()) + ", peak " + HumanFormat.count(peak.count())
          + "/s in the second from " + HumanFormat.instant(peak.epochSecond() * 1_000_000_000L);
      if (t.peakRate().outsideWindow() > 0) {
        rate += " (" + HumanFormat.count(t.peakRate().outsideWindow()) + " exchanges more than "
            + PeakRate.WINDOW_SECONDS + " s out of order left out)";
      }
      line("Rate", rate);
      line("Statuses", statusSummary(t.statuses()));
    }
    ReadTotals totals = stats.totals();
    String ratio = stats.compressionRatio() == 0 ? ""
        : String.format(Locale.ROOT, " (%.1f:1)", stats.compressionRatio());
    line("Bytes", "raw " + HumanFormat.bytes(totals.rawBytes()) + ", compressed "
        + HumanFormat.bytes(totals.compressedBytes()) + ratio + ", file " + HumanFormat.bytes(totals.fileBytes()));
    line("Blocks", HumanFormat.count(totals.blocksRead()) + " read, " + HumanFormat.count(totals.blocksCorrupt())
        + " corrupt" + (totals.codecs().isEmpty() ? "" : ", codec " + codecs(totals)));
  }

  private void renderDirections(CaptureTally t) {
    out.println("Traffic by direction");
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"inbound", HumanFormat.count(t.inbound())});
    for (Map.Entry<String, Long> d : t.outboundByDependency().entrySet()) {
      rows.add(new String[] {"outbound " + HumanFormat.printable(d.getKey()), HumanFormat.count(d.getValue())});
    }
    int nameWidth = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
    int countWidth = rows.stream().mapToInt(r -> r[1].length()).max().orElse(0);
    for (String[] row : rows) {
      out.printf(Locale.ROOT, "  %-" + nameWidth + "s  %" + countWidth + "s%n", row[0], row[1]);
    }
  }

  private void renderEndpoints(EndpointTally endpoints, int top) {
    List<EndpointTally.Endpoint> shown = endpoints.top(top);
    out.println("Top " + shown.size() + " of " + HumanFormat.count(endpoints.distinct()) + " endpoints");
    if (shown.isEmpty()) {
      return;
    }
    boolean unusual = shown.stream().anyMatch(e -> e.statuses().informational() + e.statuses().other() > 0);
    int w = Math.max(5, HumanFormat.count(shown.get(0).count()).length());
    String num = "%" + w + "s  ";
    StringBuilder head = new StringBuilder("  ");
    for (String column : unusual
        ? new String[] {"count", "1xx", "2xx", "3xx", "4xx", "5xx", "other", "none"}
        : new String[] {"count", "2xx", "3xx", "4xx", "5xx", "none"}) {
      head.append(String.format(Locale.ROOT, num, column));
    }
    out.println(head.append("endpoint"));
    for (EndpointTally.Endpoint e : shown) {
      StatusMix s = e.statuses();
      StringBuilder row = new StringBuilder("  ").append(String.format(Locale.ROOT, num, HumanFormat.count(e.count())));
      if (unusual) {
        row.append(String.format(Locale.ROOT, num, HumanFormat.count(s.informational())));
      }
      for (long n : new long[] {s.success(), s.redirect(), s.clientError(), s.serverError()}) {
        row.append(String.format(Locale.ROOT, num, HumanFormat.count(n)));
      }
      if (unusual) {
        row.append(String.format(Locale.ROOT, num, HumanFormat.count(s.other())));
      }
      row.append(String.format(Locale.ROOT, num, HumanFormat.count(s.noResponse())));
      out.println(row.append(HumanFormat.printable(e.name())));
    }
    if (endpoints.overflowed() > 0) {
      out.println("  (" + HumanFormat.count(endpoints.overflowed()) + " exchanges of endpoints past the first "
          + HumanFormat.count(CaptureTally.ENDPOINT_LIMIT) + " are counted as " + EndpointTally.OVERFLOW + ")");
    }
  }

  private void renderProblems(List<CaptureProblem> problems) {
    out.println("Problems");
    if (problems.isEmpty()) {
      out.println("  none");
    }
    for (CaptureProblem p : problems) {
      out.println("  " + p.describe());
    }
  }

  private static String statusSummary(StatusMix s) {
    StringBuilder sb = new StringBuilder();
    if (s.informational() > 0) {
      sb.append("1xx ").append(HumanFormat.count(s.informational())).append(", ");
    }
    sb.append("2xx ").append(HumanFormat.count(s.success()))
        .append(", 3xx ").append(HumanFormat.count(s.redirect()))
        .append(", 4xx ").append(HumanFormat.count(s.clientError()))
        .append(", 5xx ").append(HumanFormat.count(s.serverError()));
    if (s.other() > 0) {
      sb.append(", other ").append(HumanFormat.count(s.other()));
    }
    return sb.append(", no response ").append(HumanFormat.count(s.noResponse())).toString();
  }

  private static String context(ContextTags c) {
    if (c.isEmpty()) {
      return "none";
    }
    List<String> parts = new ArrayList<>();
    addIfSet(parts, "service", c.service());
    addIfSet(parts, "environment", c.environment());
    addIfSet(parts, "region", c.region());
    addIfSet(parts, "release", c.releaseVersion());
    c.extra().forEach((k, v) -> parts.add(k + "=" + v));
    return HumanFormat.printable(String.join(" ", parts));
  }

  private static void addIfSet(List<String> parts, String key, String value) {
    if (!value.isEmpty()) {
      parts.add(key + "=" + value);
    }
  }

  private static String keyValues(Map<String, String> fields) {
    List<String> parts = new ArrayList<>();
    fields.forEach((k, v) -> parts.add(k + "=" + v));
    return HumanFormat.printable(String.join(" ", parts));
  }

  private void line(String label, String value) {
    out.printf(Locale.ROOT, LABEL, label, value);
  }

  static String codecs(ReadTotals totals) {
    return totals.codecs().stream().sorted().map(Codec::displayName).collect(Collectors.joining(", "));
  }
}
