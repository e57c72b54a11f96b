package dev.replaytwin.junit.internal;

import dev.replaytwin.compare.GatePolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A gate policy for judging a candidate against the capture's recorded responses. Production's
 * latencies and the latencies of a recording served from memory say nothing about a service running
 * in a test, so latency is not judged: no percentiles, and an allowance no latency shift can exceed
 * (the comparator has no switch to leave the shift check out, so it is reported, and passes).
 * Failures and responses are judged as the policy says; a critical endpoint keeps allowing no change
 * in them.
 */
public final class RecordedPolicy {
  /** Both parts must be exceeded; no replayed request is an hour slower (the response timeout says so). */
  private static final GatePolicy.Allowance ANY = new GatePolicy.Allowance(1000, 3_600_000);

  private RecordedPolicy() {}

  public static GatePolicy of(GatePolicy p) {
    Map<String, GatePolicy.Rules> endpoints = new LinkedHashMap<>();
    p.endpoints().forEach((name, rules) -> endpoints.put(name, withoutLatency(rules)));
    return new GatePolicy(p.version(), p.digest(), p.confidence(), p.falseDiscoveryRate(), withoutLatency(p.defaults()),
        endpoints, p.headers(), p.ignore(), p.resources());
  }

  private static GatePolicy.Rules withoutLatency(GatePolicy.Rules r) {
    // "critical" would also make latency allow nothing; its meaning for the other checks is kept by hand.
    return new GatePolicy.Rules(r.minSamples(), List.of(), ANY, r.effectiveErrorRateIncrease(),
        r.effectiveResponseDiffRate(), false);
  }
}
