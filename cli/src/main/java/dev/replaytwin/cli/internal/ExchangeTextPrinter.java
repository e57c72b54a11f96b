package dev.replaytwin.cli.internal;

import dev.replaytwin.core.Direction;
import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.HttpResponse;
import dev.replaytwin.core.Timings;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * One fixed-column line per exchange, so a long listing scans down the columns:
 *
 * <pre>
 * 2026-11-21T10:00:00.250Z  IN            GET     /users/42                        → 200      1.2 KiB    12.3 ms  ex-1
 * 2026-11-21T10:00:00.251Z  OUT payments  POST    /charges                         → no response    -          -  ex-2
 * </pre>
 *
 * Size is the response body as it was on the wire; time is from the first request byte to the last
 * response byte. Control characters are shown escaped, so every exchange stays on its line.
 */
final class ExchangeTextPrinter implements ExchangePrinter {
  private final PrintWriter out;

  ExchangeTextPrinter(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void print(Exchange e) {
    String direction = e.direction() == Direction.INBOUND ? "IN" : "OUT " + HumanFormat.printable(e.dependency());
    HttpResponse response = e.response();
    String status = response == null ? "no response" : Integer.toString(response.status());
    String size = response == null ? "-" : HumanFormat.bytes(response.body().originalLength());
    long total = e.timings().totalNanos();
    String time = total == Timings.NOT_RECORDED ? "-" : HumanFormat.millis(total);
    out.println(String.format(Locale.ROOT, "%s  %-12s  %-7s %-32s → %-11s %9s %10s  %s",
        HumanFormat.instantMillis(e.captureTimeNanos()), direction, HumanFormat.printable(e.request().method()),
        HumanFormat.printable(e.request().target()), status, size, time, HumanFormat.printable(e.id())));
  }

  @Override
  public void flush() {
    out.flush();
  }
}
