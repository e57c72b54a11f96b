package dev.replaytwin.proxy;

import dev.replaytwin.core.ContextTags;
import dev.replaytwin.core.Exchange;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A {@link CaptureProxy} on a loopback port in front of one upstream, with its Prometheus registry
 * and a tap; by default the tap keeps every capture in memory for {@link #nextCapture}.
 */
final class ProxyUnderTest implements AutoCloseable {
  private static final Duration WAIT = Duration.ofSeconds(10);

  final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  final ProxyMetrics metrics = new ProxyMetrics(registry);
  final CaptureTap tap;
  final CaptureProxy proxy;
  private final BlockingQueue<Exchange> captured = new LinkedBlockingQueue<>();
  private boolean closed;

  private ProxyUnderTest(String upstreamUrl, UnaryOperator<ProxyOptions.Builder> options,
      CaptureTap.Sink sink, int tapCapacity) throws IOException {
    this.tap = new CaptureTap(sink == null ? captured::add : sink, UnaryOperator.identity(), tapCapacity,
        64 << 20, metrics);
    ProxyOptions.Builder builder = ProxyOptions.builder(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Route.parse("upstream", upstreamUrl))
        .workers(1);
    this.proxy = CaptureProxy.start(options.apply(builder).build(), tap, metrics, ContextTags.EMPTY);
  }

  static ProxyUnderTest start(String upstreamUrl) throws IOException {
    return start(upstreamUrl, UnaryOperator.identity());
  }

  static ProxyUnderTest start(String upstreamUrl, UnaryOperator<ProxyOptions.Builder> options)
      throws IOException {
    return new ProxyUnderTest(upstreamUrl, options, null, 1000);
  }

  /** With captures going to {@code sink} through a queue of {@code tapCapacity}. */
  static ProxyUnderTest start(String upstreamUrl, UnaryOperator<ProxyOptions.Builder> options,
      CaptureTap.Sink sink, int tapCapacity) throws IOException {
    return new ProxyUnderTest(upstreamUrl, options, sink, tapCapacity);
  }

  InetSocketAddress address() {
    return proxy.address();
  }

  /** {@code http://} URL of {@code path} on the proxy. */
  String url(String path) {
    return "http://" + address().getAddress().getHostAddress() + ":" + address().getPort() + path;
  }

  RawClient connect() throws IOException {
    return RawClient.connect(address());
  }

  /** The next exchange the tap wrote, waiting a bounded time; fails when none comes. */
  Exchange nextCapture() throws InterruptedException {
    Exchange e = captured.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    if (e == null) {
      throw new AssertionError("no exchange captured within " + WAIT);
    }
    return e;
  }

  /** The next {@code n} exchanges the tap wrote, each waited for as {@link #nextCapture} does. */
  List<Exchange> captures(int n) throws InterruptedException {
    List<Exchange> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(nextCapture());
    }
    return out;
  }

  /** Exchanges captured and not yet taken. */
  int capturedCount() {
    return captured.size();
  }

  /** A sample's value in the Prometheus text the admin port serves, 0 when absent. */
  double scraped(String sample) {
    return PrometheusText.value(registry.scrape(), sample);
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      proxy.close(Duration.ofSeconds(5));
      tap.close(Duration.ofSeconds(5));
    }
  }
}
