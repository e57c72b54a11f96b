package dev.replaytwin.bench;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.bench.internal.Arrivals;
import dev.replaytwin.bench.internal.ShopEndpoints;
import dev.replaytwin.core.ContextTags;
import dev.replaytwin.core.Exchange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Seeded, deterministic traffic of a web shop's JSON API as a capture proxy in front of it would
 * record it: the same seed, start and rate give the same exchanges, byte for byte.
 *
 * <p>The mix: product search with query strings (29%), product pages (25%, 3% of them 404),
 * cart reads and changes (22%), checkout POSTs (4%), logins (4%, 12% rejected), order look-ups
 * (6%), category listings (10%); 0.6% 500s, 0.15% 503s, 0.1% with no response. Checkouts and some
 * order look-ups call the payments API: those calls are OUTBOUND exchanges with dependency
 * {@code payments} (about 6% of all). Requests carry browser and app User-Agents, bearer tokens and
 * cookies of a slowly changing set of sessions, X-Request-Id UUIDs and trace context; responses
 * carry Date and 1–4 KiB JSON bodies built from word lists, prices, UUIDs and ISO timestamps.
 * Latencies are log-normal per endpoint; arrivals are Poisson at the given rate with slow drift
 * and bursts of 2.5–5 times the rate. Bodies are stored as sent, uncompressed (identity encoding).
 *
 * <pre>{@code
 * ShopTraffic traffic = new ShopTraffic(42, Instant.parse("2025-06-03T09:00:00Z"), 800);
 * List<Exchange> exchanges = traffic.take(200_000);
 * }</pre>
 */
public final class ShopTraffic {
  /** The context every exchange carries. */
  public static final ContextTags CONTEXT = new ContextTags("shop", "prod", "eu-west-1", "1.4.2", Map.of());

  private static final int CATALOG_SIZE = 20_000;

  private final Arrivals arrivals;
  private final ShopEndpoints endpoints;
  private final PriorityQueue<Exchange> outbound =
      new PriorityQueue<>(Comparator.comparingLong(Exchange::captureTimeNanos));
  private long nextArrival;

  /**
   * @param seed everything is derived from it
   * @param start capture time of the first request
   * @param requestsPerSecond mean rate of inbound requests before drift and bursts
   */
  public ShopTraffic(long seed, Instant start, double requestsPerSecond) {
    requireNonNull(start, "start");
    SplittableRandom random = new SplittableRandom(seed);
    long startNanos = Math.multiplyExact(start.getEpochSecond(), 1_000_000_000L) + start.getNano();
    this.arrivals = new Arrivals(random.split(), startNanos, requestsPerSecond);
    this.endpoints = new ShopEndpoints(random.split(), CONTEXT, CATALOG_SIZE);
    this.nextArrival = arrivals.next();
  }

  /** The next exchange in capture-time order, inbound or outbound. */
  public Exchange next() {
    Exchange call = outbound.peek();
    if (call != null && call.captureTimeNanos() <= nextArrival) {
      return outbound.poll();
    }
    Exchange e = endpoints.inbound(nextArrival, outbound::add);
    nextArrival = arrivals.next();
    return e;
  }

  /** The next {@code n} exchanges. */
  public List<Exchange> take(int n) {
    List<Exchange> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(next());
    }
    return out;
  }
}
