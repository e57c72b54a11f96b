package dev.replaytwin.cli;

import dev.replaytwin.cli.internal.AuditJsonRenderer;
import dev.replaytwin.cli.internal.AuditTally;
import dev.replaytwin.cli.internal.AuditTextRenderer;
import dev.replaytwin.cli.internal.CaptureFileParameter;
import dev.replaytwin.cli.internal.SkipCorruptOption;
import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.capture.CaptureFormatException;
import dev.replaytwin.core.capture.CaptureHeader;
import dev.replaytwin.core.capture.CaptureReader;
import dev.replaytwin.core.scrub.PiiFinding;
import dev.replaytwin.core.scrub.PiiScanner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code twin capture audit FILE}: runs every personal-data detector over every exchange of a
 * capture (see {@link PiiScanner}) and lists what it finds, masked. Exits 1 when anything is found,
 * 0 when the capture is clean, so it can gate a pipeline; reads in constant memory.
 *
 * <pre>
 * twin capture audit prod.twcap
 * twin capture audit prod.twcap --json --limit 0 | jq .byRule
 * </pre>
 */
@Command(
    name = "audit",
    description = {
        "Look for personal data left in a capture: e-mail addresses, card numbers, IBANs, phone numbers, SSNs,"
            + " JWTs, bearer tokens and IP addresses, in targets, headers, cookies and bodies (gzip and deflate"
            + " inflated). Pseudonyms written by twin's scrubbing are recognised and not reported.",
        "Prints one line per finding (exchange id, rule, location, masked excerpt), then a summary. Exits 1 when"
            + " anything is found, 0 when the capture is clean."},
    sortOptions = false)
public final class CaptureAuditCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Mixin private CaptureFileParameter capture;

  @Option(names = "--json", description = "The report as one JSON object.")
  private boolean json;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "100",
      description = "Show at most N findings (default: ${DEFAULT-VALUE}); every finding is still counted.")
  private long limit;

  @Mixin private SkipCorruptOption corrupt;

  @Override
  public Integer call() throws IOException {
    if (limit < 0) {
      throw new ParameterException(spec.commandLine(),
          "Invalid value for option '--limit': " + limit + " (expected: 0 or more)");
    }
    Path file = capture.path();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    AuditTextRenderer text = json ? null : new AuditTextRenderer(out);
    AuditTally tally = new AuditTally(limit);
    CaptureHeader header;
    try (CaptureReader reader = CaptureReader.open(file, corrupt.readOptions(err))) {
      header = reader.header();
      for (Exchange e; (e = reader.next()) != null; ) {
        for (PiiFinding f : tally.add(PiiScanner.scan(e))) {
          if (text != null) {
            text.finding(f);
          }
        }
      }
    } catch (CaptureFormatException.Corrupt e) {
      throw SkipCorruptOption.stoppedAt(e, "audit");
    } finally {
      out.flush();
      err.flush();
    }
    if (text != null) {
      text.summary(file, header, tally);
    } else {
      new AuditJsonRenderer(out).render(file, header, tally);
    }
    return tally.findings() > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
  }
}
