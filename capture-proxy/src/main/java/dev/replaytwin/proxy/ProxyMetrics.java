package dev.replaytwin.proxy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The proxy's counters, on any Micrometer registry; the admin port renders them as Prometheus text.
 * Meters are looked up once here, so the event loops only increment.
 */
public final class ProxyMetrics {
  /** Why a capture (or mirror copy) was not kept. */
  public enum DropReason {
    QUEUE_FULL, WRITE_FAILED, SCRUB_FAILED, SHUTTING_DOWN, MIRROR_BUSY, MIRROR_FAILED;

    String tag() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** A copy for the live mirror rather than for the capture file. */
    public boolean mirror() {
      return this == MIRROR_BUSY || this == MIRROR_FAILED;
    }
  }

  private final MeterRegistry registry;
  private final Counter[] requestsByClass = new Counter[6];
  private final Map<String, Counter> rejected = new ConcurrentHashMap<>();
  private final Map<String, Counter> upstreamErrors = new ConcurrentHashMap<>();
  private final Counter requestBytes;
  private final Counter responseBytes;
  private final Timer upstreamLatency;
  private final Counter capturesWritten;
  private final Map<DropReason, Counter> capturesDropped = new ConcurrentHashMap<>();
  private final Counter mirrorSent;
  private final Map<String, Counter> scrubHits = new ConcurrentHashMap<>();
  private final Counter clientAborts;

  public ProxyMetrics(MeterRegistry registry) {
    this.registry = registry;
    for (int i = 1; i <= 5; i++) {
      requestsByClass[i] = Counter.builder("twin.proxy.requests")
          .description("Requests answered, by status class").tag("status", i + "xx").register(registry);
    }
    requestBytes = Counter.builder("twin.proxy.bytes").baseUnit("bytes")
        .description("Body bytes proxied").tag("direction", "request").register(registry);
    responseBytes = Counter.builder("twin.proxy.bytes").baseUnit("bytes")
        .description("Body bytes proxied").tag("direction", "response").register(registry);
    upstreamLatency = Timer.builder("twin.proxy.upstream.latency")
        .description("Request start to the upstream's response head")
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(60))
        .register(registry);
    capturesWritten = Counter.builder("twin.capture.written")
        .description("Exchanges written to the capture file").register(registry);
    for (DropReason r : DropReason.values()) {
      String name = r.mirror() ? "twin.mirror.dropped" : "twin.capture.dropped";
      capturesDropped.put(r, Counter.builder(name).description("Copies not kept, by reason")
          .tag("reason", r.tag()).register(registry));
    }
    mirrorSent = Counter.builder("twin.mirror.sent").description("Requests sent to the mirror twin")
        .register(registry);
    clientAborts = Counter.builder("twin.proxy.client.aborts")
        .description("Client connections closed with an exchange in flight").register(registry);
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** Registers a gauge read when metrics are scraped. */
  public void gauge(String name, String description, Supplier<Number> value) {
    io.micrometer.core.instrument.Gauge.builder(name, value).description(description).register(registry);
  }

  public void response(int status) {
    int c = status / 100;
    if (c >= 1 && c <= 5) {
      requestsByClass[c].increment();
    }
  }

  /** A request the proxy refused before forwarding (malformed, smuggling attempt, too large). */
  public void rejected(String reason) {
    rejected.computeIfAbsent(reason, r -> Counter.builder("twin.proxy.rejected")
        .description("Requests refused before forwarding, by reason").tag("reason", r)
        .register(registry)).increment();
  }

  /** An upstream failure answered by the proxy (refused, timeout, reset). */
  public void upstreamError(String kind) {
    upstreamErrors.computeIfAbsent(kind, k -> Counter.builder("twin.proxy.upstream.errors")
        .description("Upstream failures, by kind").tag("kind", k).register(registry)).increment();
  }

  public void requestBytes(long n) {
    requestBytes.increment(n);
  }

  public void responseBytes(long n) {
    responseBytes.increment(n);
  }

  public void upstreamLatency(long nanos) {
    upstreamLatency.record(nanos, TimeUnit.NANOSECONDS);
  }

  public void captureWritten() {
    capturesWritten.increment();
  }

  public void dropped(DropReason reason) {
    capturesDropped.get(reason).increment();
  }

  public long droppedCount(DropReason reason) {
    return (long) capturesDropped.get(reason).count();
  }

  public long writtenCount() {
    return (long) capturesWritten.count();
  }

  public void mirrorSent() {
    mirrorSent.increment();
  }

  public void clientAbort() {
    clientAborts.increment();
  }

  public void scrubRuleFired(String rule) {
    scrubHits.computeIfAbsent(rule, r -> Counter.builder("twin.scrub.rule.hits")
        .description("Exchanges a scrub rule changed, by rule").tag("rule", r).register(registry))
        .increment();
  }
}
