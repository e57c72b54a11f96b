package dev.replaytwin.compare.report;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import dev.replaytwin.compare.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a verdict's reports into a directory, each file atomically (a reader or a crash sees the
 * previous file or the new one, never a part).
 *
 * <pre>{@code
 * List<Path> written = Reports.write(verdict, runDir.resolve("report"), ReportFormat.parse("json,md,junit,html"));
 * }</pre>
 */
public final class Reports {
  private Reports() {}

  /**
   * Writes the requested files ({@link ReportFormat#fileName()}) into {@code dir}, creating it.
   *
   * @return the files written, in {@link ReportFormat} order
   */
  public static List<Path> write(Verdict verdict, Path dir, Set<ReportFormat> formats) throws IOException {
    requireNonNull(verdict, "verdict");
    Files.createDirectories(dir);
    List<Path> written = new ArrayList<>();
    Set<ReportFormat> inOrder = EnumSet.noneOf(ReportFormat.class);
    inOrder.addAll(requireNonNull(formats, "formats"));
    // Rendering is most of the time, alone on one core at the end of a comparison otherwise; each
    // format renders from the verdict alone, so they render side by side, then are written in order.
    List<ReportFormat> order = List.copyOf(inOrder);
    List<String> rendered = order.parallelStream().map(format -> render(verdict, format)).toList();
    for (int i = 0; i < order.size(); i++) {
      Path file = dir.resolve(order.get(i).fileName());
      AtomicFiles.write(file, rendered.get(i).getBytes(UTF_8));
      written.add(file);
    }
    return written;
  }

  /** The content of one report file, as {@link #write} would write it. */
  public static String render(Verdict verdict, ReportFormat format) {
    return switch (format) {
      case JSON -> VerdictJson.toJson(verdict);
      case MD -> MarkdownSummary.render(verdict);
      case JUNIT -> JunitXml.render(verdict);
      case HTML -> HtmlReport.render(verdict);
    };
  }
}
