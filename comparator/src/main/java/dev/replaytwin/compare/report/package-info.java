/**
 * Renders a {@link dev.replaytwin.compare.Verdict} for people and machines: {@code verdict.json}
 * ({@link dev.replaytwin.compare.report.VerdictJson}), and through
 * {@link dev.replaytwin.compare.report.Reports} a pull-request summary ({@code summary.md}), a JUnit
 * XML file CI systems understand ({@code junit.xml}) and one self-contained HTML page with charts
 * ({@code index.html}). Every file is written atomically. The formats are described in
 * docs/verdict.md.
 *
 * <pre>{@code
 * Reports.write(verdict, runDir.resolve("report"), ReportFormat.parse("json,md,junit,html"));
 * Verdict again = VerdictJson.read(runDir.resolve("report/verdict.json"));
 * }</pre>
 */
package dev.replaytwin.compare.report;
