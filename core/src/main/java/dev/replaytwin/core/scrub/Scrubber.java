package dev.replaytwin.core.scrub;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.scrub.internal.ExchangeScrubber;
import dev.replaytwin.core.scrub.internal.FailClosed;
import dev.replaytwin.core.scrub.internal.Firing;
import dev.replaytwin.core.scrub.internal.KeyedHash;
import dev.replaytwin.core.scrub.internal.RuleCounters;
import java.util.Map;

/**
 * Applies a {@link ScrubPolicy} to exchanges before they reach disk or a mirror.
 *
 * <pre>{@code
 * Scrubber scrubber = Scrubber.create(ScrubPolicy.defaults(), ScrubKey.fromEnvironment().orElseThrow());
 * Exchange safe = scrubber.scrub(exchange);
 * safe.scrubRulesFired();   // e.g. [header:authorization, detector:email, json:$.user.phone]
 * scrubber.ruleHits();      // {detector:email=1234, header:authorization=987, ...}
 * }</pre>
 *
 * <p>Thread-safe: one instance may be shared by any number of threads (the policy is immutable,
 * each thread keeps its own HMAC instance, counters are lock-free). Creating one compiles the
 * policy, so share it rather than create one per exchange.
 *
 * <p>Scrubbing never throws on odd input: a body that does not parse is scrubbed as text, one that
 * cannot be read at all is dropped, and the rule that did so is reported. Should scrubbing an
 * exchange fail unexpectedly all the same, it fails closed: the exchange comes back with its
 * target, header values, bodies and connection id redacted, and the rule {@code scrub:failed}.
 */
public final class Scrubber {
  private final ScrubPolicy policy;
  private final ExchangeScrubber exchanges;
  private final RuleCounters counters;

  private Scrubber(ScrubPolicy policy, ScrubKey key) {
    this.policy = policy;
    this.exchanges = new ExchangeScrubber(policy.rules(), new KeyedHash(key.secret()));
    this.counters = new RuleCounters(policy.ruleNames());
  }

  public static Scrubber create(ScrubPolicy policy, ScrubKey key) {
    requireNonNull(policy, "policy");
    requireNonNull(key, "key");
    return new Scrubber(policy, key);
  }

  /**
   * A copy of {@code exchange} with everything the policy covers scrubbed, and the names of the
   * rules that changed something added to {@link Exchange#scrubRulesFired()} (after any already
   * there). An exchange nothing changed is returned as it is.
   */
  public Exchange scrub(Exchange exchange) {
    requireNonNull(exchange, "exchange");
    Firing firing = new Firing();
    Exchange scrubbed;
    try {
      scrubbed = exchanges.scrub(exchange, firing);
    } catch (RuntimeException e) {
      // A bug must not let personal data through: keep nothing that could hold any.
      firing = new Firing();
      firing.fire(FailClosed.RULE);
      scrubbed = FailClosed.of(exchange, policy.rules().redactMarker());
    }
    counters.add(firing);
    return scrubbed;
  }

  /**
   * How many values each rule has changed so far, by rule name, sorted; every rule of the policy is
   * present from the start (at 0), so metrics can export them all.
   */
  public Map<String, Long> ruleHits() {
    return counters.snapshot();
  }

  public ScrubPolicy policy() {
    return policy;
  }

  @Override
  public String toString() {
    return "Scrubber[" + policy.digest() + "]";
  }
}
