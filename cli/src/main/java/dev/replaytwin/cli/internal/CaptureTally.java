package dev.replaytwin.cli.internal;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.core.Direction;
import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.endpoint.EndpointNamer;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Running figures over the exchanges of a capture, in memory that does not grow with the capture:
 * counts, time span, peak rate, endpoints, directions and status mix.
 */
public final class CaptureTally {
  /** Distinct endpoints tallied one by one; a capture with more lumps the rest together. */
  public static final int ENDPOINT_LIMIT = 10_000;
  /** Distinct dependencies tallied one by one. */
  public static final int DEPENDENCY_LIMIT = 1_000;
  /** Where outbound exchanges go once {@link #DEPENDENCY_LIMIT} dependencies have been seen. */
  public static final String OTHER_DEPENDENCIES = "(other dependencies)";

  private final EndpointNamer namer;
  private final EndpointTally endpoints = new EndpointTally(ENDPOINT_LIMIT);
  private final Map<String, Long> outboundByDependency = new TreeMap<>();
  private final StatusMix statuses = new StatusMix();
  private final PeakRate peakRate = new PeakRate();
  private long records;
  private long inbound;
  private long firstNanos = Long.MAX_VALUE;
  private long lastNanos = Long.MIN_VALUE;

  public CaptureTally(EndpointNamer namer) {
    this.namer = requireNonNull(namer, "namer");
  }

  /** Counts one exchange. */
  public void add(Exchange e) {
    records++;
    long t = e.captureTimeNanos();
    firstNanos = Math.min(firstNanos, t);
    lastNanos = Math.max(lastNanos, t);
    peakRate.add(t);
    statuses.add(e.response());
    String endpoint = namer.name(e.request().method(), e.request().target());
    if (e.direction() == Direction.INBOUND) {
      inbound++;
      endpoints.add(endpoint, e.response());
    } else {
      String dependency = outboundByDependency.containsKey(e.dependency())
          || outboundByDependency.size() < DEPENDENCY_LIMIT ? e.dependency() : OTHER_DEPENDENCIES;
      outboundByDependency.merge(dependency, 1L, Long::sum);
      endpoints.add("[" + e.dependency() + "] " + endpoint, e.response());
    }
  }

  public long records() {
    return records;
  }

  public long inbound() {
    return inbound;
  }

  public long outbound() {
    return records - inbound;
  }

  /** Outbound exchanges per dependency, by dependency name. */
  public Map<String, Long> outboundByDependency() {
    return Collections.unmodifiableMap(outboundByDependency);
  }

  /** Earliest capture time, epoch nanos; meaningless when {@link #records()} is 0. */
  public long firstNanos() {
    return firstNanos;
  }

  /** Latest capture time, epoch nanos; meaningless when {@link #records()} is 0. */
  public long lastNanos() {
    return lastNanos;
  }

  /** Last minus first capture time; 0 for fewer than two exchanges. */
  public long spanNanos() {
    return records == 0 ? 0 : lastNanos - firstNanos;
  }

  /**
   * Exchanges per second over the time span, the span counted as at least one second so that a
   * short burst does not read as a huge rate; 0 for an empty capture.
   */
  public double meanRate() {
    return records / Math.max(1.0, spanNanos() / 1e9);
  }

  public PeakRate peakRate() {
    return peakRate;
  }

  public EndpointTally endpoints() {
    return endpoints;
  }

  /** Status mix over every exchange, inbound and outbound. */
  public StatusMix statuses() {
    return statuses;
  }
}
