package dev.replaytwin.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatePolicyTest {
  @TempDir
  Path dir;

  private GatePolicy read(String yaml) throws Exception {
    Path f = dir.resolve("gate.yaml");
    Files.writeString(f, yaml);
    return GatePolicy.read(f);
  }

  private List<String> problems(String yaml) {
    try {
      read(yaml);
    } catch (GatePolicyException e) {
      return e.problems();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("expected the policy to be refused");
  }

  @Test
  void readsEveryRuleAndFillsEndpointsFromTheDefaults() throws Exception {
    GatePolicy p = read("""
        version: shop-7
        confidence: 0.99
        falseDiscoveryRate: 1%
        defaults:
          minSamples: 500
          latency:
            percentiles: [50, p99, 99.9]
            allow: {relative: 20%, absolute: 250us}
          errors: {allowIncrease: 0.5%}
          responses: {allowDiffRate: 0.002}
        endpoints:
          "POST /checkout":
            critical: true
          "GET /search":
            latency: {allow: {absolute: 1.5s}}
        responses:
          headers: [Content-Type, cache-control]
          ignore: ["$..timestamp", "header:date"]
        """);
    assertThat(p.version()).isEqualTo("shop-7");
    assertThat(p.digest()).startsWith("sha256:").hasSize(71);
    assertThat(p.confidence()).isEqualTo(0.99);
    assertThat(p.falseDiscoveryRate()).isCloseTo(0.01, within(1e-12));
    assertThat(p.defaults().minSamples()).isEqualTo(500);
    assertThat(p.defaults().percentiles()).containsExactly(50.0, 99.0, 99.9);
    assertThat(p.defaults().latency().relative()).isCloseTo(0.20, within(1e-12));
    assertThat(p.defaults().latency().absoluteMillis()).isCloseTo(0.25, within(1e-12));
    assertThat(p.defaults().errorRateIncrease()).isCloseTo(0.005, within(1e-12));
    assertThat(p.defaults().responseDiffRate()).isEqualTo(0.002);
    GatePolicy.Rules checkout = p.endpoints().get("POST /checkout");
    assertThat(checkout.critical()).isTrue();
    assertThat(checkout.minSamples()).as("inherited from defaults").isEqualTo(500);
    assertThat(checkout.effectiveLatency().exceededBy(0.01, 0.001)).as("critical: any increase").isTrue();
    GatePolicy.Rules search = p.endpoints().get("GET /search");
    assertThat(search.latency().absoluteMillis()).isEqualTo(1500);
    assertThat(search.latency().relative()).as("inherited").isCloseTo(0.20, within(1e-12));
    assertThat(p.headers()).containsExactly("content-type", "cache-control");
    assertThat(p.ignore()).containsExactly("$..timestamp", "header:date");
  }

  @Test
  void anIncreaseFailsOnlyPastBothTheRelativeAndTheAbsoluteAllowance() {
    GatePolicy.Allowance a = new GatePolicy.Allowance(0.10, 5);
    assertThat(a.exceededBy(6, 0.12)).isTrue();
    assertThat(a.exceededBy(6, 0.05)).as("6 ms on a 120 ms p99").isFalse();
    assertThat(a.exceededBy(0.3, 0.30)).as("30% of a 1 ms p99").isFalse();
    assertThat(a).hasToString("+10% and +5 ms");
  }

  @Test
  void reportsEveryProblemWithItsFileLineAndField() {
    List<String> problems = problems("""
        confidence: 2
        defaults:
          latncy: {allow: {relative: 10%}}
          minSamples: -3
          errors: {allowIncrease: lots}
        endpoints:
          "GET /a":
            latency: {percentiles: [99, 101]}
          search: {}
        """);
    assertThat(problems).allMatch(p -> p.contains("gate.yaml:"));
    assertThat(problems).anyMatch(p -> p.contains(":1: version: missing"));
    assertThat(problems).anyMatch(p -> p.contains(":1: confidence: 2 (expected: between 0.5 and 1"));
    assertThat(problems).anyMatch(p -> p.contains(":3: defaults.latncy: unknown key"));
    assertThat(problems).anyMatch(p -> p.contains(":4: defaults.minSamples: -3"));
    assertThat(problems).anyMatch(p -> p.contains(":5: defaults.errors.allowIncrease: \"lots\""));
    assertThat(problems).anyMatch(p -> p.contains(":8: endpoints.GET /a.latency.percentiles: 101"));
    assertThat(problems).anyMatch(p -> p.contains(":9: endpoints.search: not an endpoint name"));
    assertThat(problems).extracting(p -> Integer.parseInt(p.split(":")[1])).isSorted();
  }

  @Test
  void aMisspelledThresholdIsAnErrorNotASilentPass() {
    assertThat(problems("version: 1\ndefaults:\n  latency: {allow: {relativ: 10%}}\n"))
        .singleElement().asString().contains("defaults.latency.allow.relativ: unknown key");
  }

  @Test
  void notYamlGivesOneLineWithItsPosition() {
    assertThatThrownBy(() -> read("version: [1\n"))
        .isInstanceOf(GatePolicyException.class).hasMessageContaining("gate.yaml:").hasMessageContaining("YAML");
  }

  @Test
  void theStandardPolicyChecksTheUsualPercentilesWithTenPercentAndFiveMilliseconds() {
    GatePolicy p = GatePolicy.standard();
    assertThat(p.version()).isEqualTo(GatePolicy.DEFAULT_VERSION);
    assertThat(p.defaults().percentiles()).containsExactly(50.0, 90.0, 99.0, 99.9);
    assertThat(p.defaults().latency()).isEqualTo(new GatePolicy.Allowance(0.10, 5));
    assertThat(p.endpoints()).isEmpty();
  }
}
