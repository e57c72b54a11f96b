package dev.replaytwin.proxy.internal;

import dev.replaytwin.core.ContextTags;
import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.Nullable;
import dev.replaytwin.proxy.CaptureTap;
import dev.replaytwin.proxy.ProxyMetrics;
import dev.replaytwin.proxy.ProxyOptions;
import io.netty.channel.group.ChannelGroup;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** What every connection of one proxy shares: options, metrics, the tap and the shutdown state. */
public final class ProxyRuntime {
  final ProxyOptions options;
  final ProxyMetrics metrics;
  final @Nullable CaptureTap tap;
  final Sampler sampler;
  final ContextTags context;
  final EpochClock clock = new EpochClock();
  final ChannelGroup clients;
  private final String idPrefix = Long.toString(ThreadLocalRandom.current().nextLong() >>> 24, 36);
  private final AtomicLong ids = new AtomicLong();
  private volatile boolean draining;

  public ProxyRuntime(ProxyOptions options, ProxyMetrics metrics, @Nullable CaptureTap tap,
      ContextTags context, ChannelGroup clients) {
    this.options = options;
    this.metrics = metrics;
    this.tap = tap;
    this.sampler = new Sampler(options.sampling());
    this.context = context;
    this.clients = clients;
  }

  String nextId() {
    return idPrefix + "-" + ids.incrementAndGet();
  }

  boolean draining() {
    return draining;
  }

  public void startDraining() {
    draining = true;
  }

  void capture(Exchange exchange, long bytes) {
    if (tap != null) {
      tap.offer(exchange, bytes);
    }
  }
}
