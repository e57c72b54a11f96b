package dev.replaytwin.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replaytwin.compare.GatePolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordedPolicyTest {
  @Test
  void latencyIsNotJudgedAndACriticalEndpointStillAllowsNoOtherChange() {
    GatePolicy.Rules critical = new GatePolicy.Rules(20, List.of(99.0), new GatePolicy.Allowance(0.1, 5), 0.01, 0.02,
        true);
    GatePolicy p = new GatePolicy("v7", "sha256:ab", 0.9, 0.1, GatePolicy.standardRules(),
        Map.of("POST /checkout", critical), List.of("content-type", "cache-control"), List.of("$..ts"));

    GatePolicy r = RecordedPolicy.of(p);

    assertThat(r.defaults().percentiles()).isEmpty();
    assertThat(r.defaults().effectiveLatency().exceededBy(60_000, 100)).as("a minute and 100 times slower").isFalse();
    assertThat(r.defaults().errorRateIncrease()).isEqualTo(0.001);
    GatePolicy.Rules checkout = r.endpoints().get("POST /checkout");
    assertThat(checkout.percentiles()).isEmpty();
    assertThat(checkout.effectiveLatency().exceededBy(60_000, 100)).as("a minute and 100 times slower").isFalse();
    assertThat(checkout.effectiveErrorRateIncrease()).isZero();
    assertThat(checkout.effectiveResponseDiffRate()).isZero();
    assertThat(checkout.minSamples()).isEqualTo(20);
    assertThat(r).extracting(GatePolicy::version, GatePolicy::digest, GatePolicy::confidence, GatePolicy::headers,
        GatePolicy::ignore).containsExactly("v7", "sha256:ab", 0.9, List.of("content-type", "cache-control"),
        List.of("$..ts"));
  }
}
