package dev.replaytwin.core.scrub;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.scrub.internal.ExchangeAudit;
import dev.replaytwin.core.scrub.internal.Mask;
import java.util.ArrayList;
import java.util.List;

/**
 * Audits exchanges for personal data: runs every detector (e-mail, card, IBAN, phone, SSN, JWT,
 * bearer token, IPv4, IPv6), whatever a policy says, over every place the scrubber looks at.
 *
 * <pre>{@code
 * for (PiiFinding f : PiiScanner.scan(exchange)) {
 *   System.out.println(f.rule() + " " + f.location() + " " + f.maskedExcerpt());
 * }
 * }</pre>
 *
 * <p>Pseudonyms look like personal data on purpose, so each carries a mark no real value has (an
 * e-mail under the reserved {@code .invalid} domain, a card number starting with 0, an IPv4 address
 * in {@code 240.0.0.0/4}, …) and detectors skip marked values: a capture scrubbed by
 * {@link Scrubber} audits clean, while one that was not, or a value a policy kept on purpose, is
 * reported. Values pseudonymised without a kind-specific format (names, ids) are not personal data
 * any detector knows, so they are not reported either. Stateless and thread-safe.
 */
public final class PiiScanner {
  private PiiScanner() {}

  /** The findings in {@code exchange}: connection id, request target, headers and body, response headers and body. */
  public static List<PiiFinding> scan(Exchange exchange) {
    requireNonNull(exchange, "exchange");
    List<ExchangeAudit.Find> finds = ExchangeAudit.scan(exchange);
    List<PiiFinding> findings = new ArrayList<>(finds.size());
    for (ExchangeAudit.Find f : finds) {
      findings.add(new PiiFinding(f.detector().ruleName(), f.location(), exchange.id(),
          Mask.of(f.detector(), f.value())));
    }
    return findings;
  }
}
