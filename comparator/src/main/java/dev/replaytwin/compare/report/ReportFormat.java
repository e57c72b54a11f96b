package dev.replaytwin.compare.report;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The files {@link Reports#write} can produce, each under a fixed name in the report directory. */
public enum ReportFormat {
  /** {@code verdict.json}: the whole verdict, for tools (docs/verdict.md). */
  JSON("verdict.json"),
  /** {@code summary.md}: a short summary for a pull-request comment. */
  MD("summary.md"),
  /** {@code junit.xml}: one test case per check, for CI test reports. */
  JUNIT("junit.xml"),
  /** {@code index.html}: one self-contained page with evidence and charts. */
  HTML("index.html");

  private final String fileName;

  ReportFormat(String fileName) {
    this.fileName = fileName;
  }

  /** The file's name in the report directory. */
  public String fileName() {
    return fileName;
  }

  /** The name users write, e.g. {@code junit}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a comma-separated list such as {@code json,md,junit,html} (any case, spaces allowed).
   *
   * @throws IllegalArgumentException naming the unknown entry and listing the valid names
   */
  public static Set<ReportFormat> parse(String list) {
    Set<ReportFormat> formats = EnumSet.noneOf(ReportFormat.class);
    for (String part : list.split(",", -1)) {
      String name = part.strip();
      formats.add(Arrays.stream(values())
          .filter(f -> f.cliName().equalsIgnoreCase(name))
          .findFirst()
          .orElseThrow(() -> new IllegalArgumentException("report format '" + name + "' is unknown (expected: "
              + validNames() + ")")));
    }
    return formats;
  }

  private static String validNames() {
    return Arrays.stream(values()).map(ReportFormat::cliName).collect(Collectors.joining(", "));
  }
}
