package dev.replaytwin.cli;

import dev.replaytwin.cli.internal.CaptureFileParameter;
import dev.replaytwin.cli.internal.ExchangePrinter;
import dev.replaytwin.cli.internal.HumanFormat;
import dev.replaytwin.cli.internal.SkipCorruptOption;
import dev.replaytwin.core.capture.CaptureFiles;
import dev.replaytwin.core.capture.TimePoint;
import dev.replaytwin.cli.internal.TimePointConverter;
import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.capture.CaptureFormatException;
import dev.replaytwin.core.capture.CaptureReader;
import dev.replaytwin.core.capture.ReadOptions;
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
 * {@code twin capture cat FILE}: prints a capture's exchanges, one per line, as text or JSON. Streams:
 * memory stays flat whatever the capture's size. A time range skips whole blocks unread.
 *
 * <pre>
 * twin capture cat prod.twcap --from +5m --to +6m
 * twin capture cat prod.twcap --json --limit 100 | jq .request.target
 * </pre>
 */
@Command(
    name = "cat",
    description = {
        "Print the exchanges of a capture, one per line: capture time, direction, method, target, status,"
            + " response size, total time and exchange id; or every field as JSON lines with --json.",
        "T is an ISO-8601 instant (2026-11-21T10:00:00Z) or an offset from the first exchange"
            + " (+30s, +5m, +1h30m, +250ms)."},
    sortOptions = false)
public final class CaptureCatCommand implements Callable<Integer> {
  /** Exchanges between checks that stdout is still open, so `| head` ends a long listing early. */
  private static final int CHECK_OUTPUT_EVERY = 256;

  @Spec private CommandSpec spec;

  @Mixin private CaptureFileParameter capture;

  @Option(names = "--json", description = "One JSON object per line with every field of the exchange.")
  private boolean json;

  @Option(names = "--from", paramLabel = "T", converter = TimePointConverter.class,
      description = "Only exchanges captured at or after T.")
  private TimePoint from;

  @Option(names = "--to", paramLabel = "T", converter = TimePointConverter.class,
      description = "Only exchanges captured before T.")
  private TimePoint to;

  @Option(names = "--limit", paramLabel = "N", description = "Stop after N exchanges.")
  private Long limit;

  @Mixin private SkipCorruptOption corrupt;

  @Override
  public Integer call() throws IOException {
    if (limit != null && limit < 0) {
      throw new ParameterException(spec.commandLine(),
          "Invalid value for option '--limit': " + limit + " (expected: 0 or more)");
    }
    Path file = capture.path();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ExchangePrinter printer = ExchangePrinter.to(out, json);
    try {
      ReadOptions options = timeRange(file, corrupt.readOptions(err));
      try (CaptureReader reader = CaptureReader.open(file, options)) {
        print(reader, printer, out);
      }
    } catch (CaptureFormatException.Corrupt e) {
      throw SkipCorruptOption.stoppedAt(e, "read");
    } finally {
      // What was read before a failure is still shown.
      printer.flush();
      err.flush();
    }
    return ExitCodes.OK;
  }

  private void print(CaptureReader reader, ExchangePrinter printer, PrintWriter out) throws IOException {
    long max = limit == null ? Long.MAX_VALUE : limit;
    Exchange exchange;
    for (long n = 0; n < max && (exchange = reader.next()) != null; n++) {
      printer.print(exchange);
      if (n % CHECK_OUTPUT_EVERY == CHECK_OUTPUT_EVERY - 1) {
        printer.flush();
        if (out.checkError()) {
          return;
        }
      }
    }
  }

  private ReadOptions timeRange(Path file, ReadOptions options) throws IOException {
    if (from == null && to == null) {
      return options;
    }
    long first = 0;
    if ((from != null && from.isRelative()) || (to != null && to.isRelative())) {
      first = CaptureFiles.firstCaptureTime(file, corrupt.skipCorrupt()).orElse(0);
    }
    long fromNanos = from == null ? Long.MIN_VALUE : from.resolve(first);
    long toNanos = to == null ? Long.MAX_VALUE : to.resolve(first);
    if (toNanos < fromNanos) {
      throw new ParameterException(spec.commandLine(), "Invalid time range: --to "
          + HumanFormat.instant(toNanos) + " is before --from " + HumanFormat.instant(fromNanos));
    }
    return options.between(fromNanos, toNanos);
  }
}
