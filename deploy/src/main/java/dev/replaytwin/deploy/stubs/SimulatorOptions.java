package dev.replaytwin.deploy.stubs;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.Map;
import java.util.TreeMap;

/**
 * How {@link DependencySimulators} serve one twin's dependencies.
 *
 * @param faults the faults to inject
 * @param proxies per dependency, a real URL that calls no stub matches are sent to, instead of being
 *     answered with the unmatched error
 * @param latency true to delay responses by each endpoint's fitted latency; false answers at once
 *     (faults still add their delays)
 * @param portBase 0 to give each simulator a free port; else the dependencies, in the index's
 *     (name) order, listen on {@code portBase}, {@code portBase + 1}, …
 */
public record SimulatorOptions(FaultPlan faults, Map<String, URI> proxies, boolean latency, int portBase) {
  /** No faults, no proxies, fitted latency, free ports. */
  public static final SimulatorOptions DEFAULTS = new SimulatorOptions(FaultPlan.NONE, Map.of(), true, 0);

  public SimulatorOptions {
    requireNonNull(faults, "faults");
    if (portBase < 0 || portBase > 65535) {
      throw new IllegalArgumentException("portBase: " + portBase + " (expected: 0 for free ports, or 1..65535)");
    }
    proxies = Map.copyOf(requireNonNull(proxies, "proxies"));
    proxies.forEach((dependency, url) -> {
      String scheme = url.getScheme();
      if (!"http".equals(scheme) && !"https".equals(scheme) || url.getHost() == null) {
        throw new IllegalArgumentException("proxy for " + dependency + ": \"" + url
            + "\" (expected: http://host:port or https://…)");
      }
    });
  }

  public SimulatorOptions withFaults(FaultPlan faults) {
    return new SimulatorOptions(faults, proxies, latency, portBase);
  }

  /** These options, sending calls no stub matches on {@code dependency} to {@code url}. */
  public SimulatorOptions withProxy(String dependency, URI url) {
    Map<String, URI> p = new TreeMap<>(proxies);
    p.put(requireNonNull(dependency, "dependency"), requireNonNull(url, "url"));
    return new SimulatorOptions(faults, p, latency, portBase);
  }

  public SimulatorOptions withLatency(boolean latency) {
    return new SimulatorOptions(faults, proxies, latency, portBase);
  }

  public SimulatorOptions withPortBase(int portBase) {
    return new SimulatorOptions(faults, proxies, latency, portBase);
  }
}
