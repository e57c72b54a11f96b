package dev.replaytwin.compare;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.compare.internal.GatePolicyReader;
import dev.replaytwin.core.yaml.YamlNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a candidate may change before the gate fails: per check an allowance, per endpoint overrides,
 * the confidence level and the false-discovery rate over all checks. Read from {@code gate.yaml}
 * (docs/gating.md); {@link #standard()} is what {@code twin compare} uses without one.
 *
 * @param version the policy's own version, recorded in the verdict ({@code "default"} for the defaults)
 * @param digest {@code sha256:} of the policy file, or {@code ""} for the defaults
 * @param confidence the confidence level of every interval, e.g. 0.95
 * @param falseDiscoveryRate the share of failing checks that may be false alarms (Benjamini–Hochberg)
 * @param defaults the rules of every endpoint the policy does not name
 * @param endpoints the rules of the endpoints the policy names, defaults filled in
 * @param headers response header names compared between targets, lower case
 * @param ignore response fields never compared (see {@code IgnoreRules}), e.g. {@code $..timestamp}
 * @param resources how much more the candidate may use of CPU and memory
 */
public record GatePolicy(String version, String digest, double confidence, double falseDiscoveryRate, Rules defaults,
    Map<String, Rules> endpoints, List<String> headers, List<String> ignore, ResourceRules resources) {
  public static final String DEFAULT_VERSION = "default";

  public GatePolicy {
    requireNonNull(version, "version");
    requireNonNull(digest, "digest");
    requireNonNull(defaults, "defaults");
    endpoints = Map.copyOf(endpoints);
    headers = List.copyOf(headers);
    ignore = List.copyOf(ignore);
    requireNonNull(resources, "resources");
    if (!(confidence > 0.5 && confidence < 1)) {
      throw new IllegalArgumentException("confidence: " + confidence + " (expected: between 0.5 and 1, e.g. 0.95)");
    }
    if (!(falseDiscoveryRate > 0 && falseDiscoveryRate < 0.5)) {
      throw new IllegalArgumentException("falseDiscoveryRate: " + falseDiscoveryRate
          + " (expected: between 0 and 0.5, e.g. 0.05)");
    }
  }

  /** A policy with the standard resource rules. */
  public GatePolicy(String version, String digest, double confidence, double falseDiscoveryRate, Rules defaults,
      Map<String, Rules> endpoints, List<String> headers, List<String> ignore) {
    this(version, digest, confidence, falseDiscoveryRate, defaults, endpoints, headers, ignore,
        ResourceRules.STANDARD);
  }

  /**
   * How much more the candidate may use, over the whole run, when the run has resource samples. Each
   * allowance is widened to the A/A spread when a second baseline was sampled too.
   *
   * @param cpuIncrease CPU seconds per 1,000 requests (and GC seconds), relative: 0.10 for 10%
   * @param memoryIncrease mean and peak resident memory, relative
   * @param rssSlopeMibPerMinute how much faster resident memory may climb over the run, MiB a minute
   */
  public record ResourceRules(double cpuIncrease, double memoryIncrease, double rssSlopeMibPerMinute) {
    public static final ResourceRules STANDARD = new ResourceRules(0.10, 0.10, 1.0);

    public ResourceRules {
      if (!(cpuIncrease >= 0) || !(memoryIncrease >= 0) || !(rssSlopeMibPerMinute >= 0)) {
        throw new IllegalArgumentException("resources: cpu " + cpuIncrease + ", memory " + memoryIncrease
            + ", rssSlope " + rssSlopeMibPerMinute + " (expected: all >= 0)");
      }
    }
  }

  /**
   * The rules of one endpoint.
   *
   * @param minSamples paired requests below which the endpoint is INCONCLUSIVE
   * @param percentiles latency percentiles checked, e.g. 50, 90, 99, 99.9
   * @param latency how much a latency percentile may grow
   * @param errorRateIncrease how much the share of failed requests (5xx or no response) may grow,
   *     absolute: 0.001 is 0.1 percentage points
   * @param responseDiffRate the share of paired responses whose field may differ beyond the noise
   * @param critical any significant regression fails the run, whatever the allowances
   */
  public record Rules(int minSamples, List<Double> percentiles, Allowance latency, double errorRateIncrease,
      double responseDiffRate, boolean critical) {
    public Rules {
      percentiles = List.copyOf(percentiles);
      requireNonNull(latency, "latency");
      if (minSamples < 1) {
        throw new IllegalArgumentException("minSamples: " + minSamples + " (expected: >= 1)");
      }
      for (double p : percentiles) {
        if (!(p > 0 && p <= 100)) {
          throw new IllegalArgumentException("percentiles: " + p + " (expected: in (0, 100], e.g. 99.9)");
        }
      }
      if (!(errorRateIncrease >= 0 && errorRateIncrease < 1)) {
        throw new IllegalArgumentException("errorRateIncrease: " + errorRateIncrease + " (expected: 0 to 1)");
      }
      if (!(responseDiffRate >= 0 && responseDiffRate < 1)) {
        throw new IllegalArgumentException("responseDiffRate: " + responseDiffRate + " (expected: 0 to 1)");
      }
    }

    /** What a check allows: nothing when the endpoint is critical. */
    public Allowance effectiveLatency() {
      return critical ? new Allowance(0, 0) : latency;
    }

    public double effectiveErrorRateIncrease() {
      return critical ? 0 : errorRateIncrease;
    }

    public double effectiveResponseDiffRate() {
      return critical ? 0 : responseDiffRate;
    }
  }

  /**
   * How much a latency percentile may grow. An increase fails only when it is larger than both:
   * 10% of a 1 ms p99 is noise, 5 ms of a 2 s p99 is nothing.
   *
   * @param relative allowed growth as a share, 0.10 for 10%
   * @param absoluteMillis allowed growth in milliseconds
   */
  public record Allowance(double relative, double absoluteMillis) {
    public Allowance {
      if (!(relative >= 0)) {
        throw new IllegalArgumentException("relative: " + relative + " (expected: >= 0, e.g. 10%)");
      }
      if (!(absoluteMillis >= 0)) {
        throw new IllegalArgumentException("absolute: " + absoluteMillis + " ms (expected: >= 0, e.g. 5ms)");
      }
    }

    /** True when a growth of {@code millis} (a share {@code share} of the baseline) is past both limits. */
    public boolean exceededBy(double millis, double share) {
      return millis > absoluteMillis && share > relative;
    }

    @Override
    public String toString() {
      return String.format(java.util.Locale.ROOT, "+%s%% and +%s ms", trim(relative * 100), trim(absoluteMillis));
    }

    private static String trim(double v) {
      return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
  }

  /** The policy {@code twin compare} applies without {@code --policy}. */
  public static GatePolicy standard() {
    return new GatePolicy(DEFAULT_VERSION, "", 0.95, 0.05, standardRules(), Map.of(),
        List.of("content-type"), List.of());
  }

  /** p50, p90, p99 and p99.9 may grow by 10% and 5 ms; errors by 0.1 points; fields differ in 0.1% beyond noise. */
  public static Rules standardRules() {
    return new Rules(100, List.of(50.0, 90.0, 99.0, 99.9), new Allowance(0.10, 5), 0.001, 0.001, false);
  }

  /**
   * Reads a {@code gate.yaml}.
   *
   * @throws GatePolicyException listing every problem, each with the file, line and field
   */
  public static GatePolicy read(Path file) throws IOException, GatePolicyException {
    requireNonNull(file, "file");
    byte[] bytes = Files.readAllBytes(file);
    return GatePolicyReader.read(file.toString(), bytes);
  }

  /**
   * Reads a policy written inside another file (a scenario's {@code gate:}), so its problems name
   * that file's lines.
   *
   * @param source the file, as messages name it
   * @param digest what the verdict records as the policy's digest (e.g. the scenario file's)
   * @throws GatePolicyException listing every problem, each with the file, line and field
   */
  public static GatePolicy read(String source, YamlNode node, String digest) throws GatePolicyException {
    return GatePolicyReader.read(source, requireNonNull(node, "node"), requireNonNull(digest, "digest"));
  }
}
