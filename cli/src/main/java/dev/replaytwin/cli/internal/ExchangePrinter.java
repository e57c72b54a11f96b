package dev.replaytwin.cli.internal;

import dev.replaytwin.core.Exchange;
import java.io.IOException;
import java.io.PrintWriter;

/** Writes exchanges one per line, as text for people or as JSON for programs. */
public sealed interface ExchangePrinter permits ExchangeTextPrinter, ExchangeJsonPrinter {

  /** A printer of {@code json} lines or of text lines. */
  static ExchangePrinter to(PrintWriter out, boolean json) throws IOException {
    return json ? new ExchangeJsonPrinter(out) : new ExchangeTextPrinter(out);
  }

  void print(Exchange exchange) throws IOException;

  /** Pushes anything buffered to the writer. */
  void flush() throws IOException;
}
