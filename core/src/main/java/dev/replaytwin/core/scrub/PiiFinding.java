package dev.replaytwin.core.scrub;

import static java.util.Objects.requireNonNull;

/**
 * Personal data found in an exchange by {@link PiiScanner}.
 *
 * @param rule the detector that found it, e.g. {@code detector:email}
 * @param location where: {@code request.target}, {@code request.header:Referer},
 *     {@code response.body:$.user.email}, {@code response.body} (text), {@code connectionId}
 * @param exchangeId the exchange's id
 * @param maskedExcerpt the value with most of it masked, e.g. {@code a***@e***.com}; never the value
 */
public record PiiFinding(String rule, String location, String exchangeId, String maskedExcerpt) {
  public PiiFinding {
    requireNonNull(rule, "rule");
    requireNonNull(location, "location");
    requireNonNull(exchangeId, "exchangeId");
    requireNonNull(maskedExcerpt, "maskedExcerpt");
  }
}
