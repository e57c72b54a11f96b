package dev.replaytwin.bench;

import dev.replaytwin.bench.internal.MachineInfo;
import dev.replaytwin.bench.internal.Samples;
import dev.replaytwin.core.Body;
import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.Headers;
import dev.replaytwin.core.HttpRequest;
import dev.replaytwin.core.HttpResponse;
import dev.replaytwin.core.Timings;
import dev.replaytwin.core.scrub.ScrubKey;
import dev.replaytwin.core.scrub.ScrubPolicy;
import dev.replaytwin.core.scrub.Scrubber;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * How fast the default scrub policy goes on one thread, as the capture proxy's writer thread runs
 * it: small JSON exchanges (a cart update of about 100 bytes answered with about 300), and the
 * generated shop traffic of {@link ShopTraffic} (1–4 KiB JSON responses, bearer tokens, cookies,
 * forwarded-for addresses). Each figure is the median of timed passes over the same exchanges
 * after warm-up passes, with the best pass next to it: per second of CPU time the benchmark thread
 * used (what one core can do, whoever else shares the machine) and per second of wall-clock time.
 *
 * <pre>
 * bench/run --main ScrubBench [exchanges per workload, default 20000] [passes, default 7]
 * </pre>
 */
public final class ScrubBench {
  private static final int WARMUP_PASSES = 5;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private ScrubBench() {}

  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int passes = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    System.out.println(MachineInfo.describe());
    System.out.println();
    ScrubKey key = ScrubKey.of("bench key, not a secret, 32 bytes".getBytes(StandardCharsets.UTF_8));
    run("small JSON", small(count), key, passes);
    run("shop traffic", new ShopTraffic(42, Instant.parse("2025-06-03T09:00:00Z"), 800).take(count), key, passes);
  }

  private static void run(String name, List<Exchange> exchanges, ScrubKey key, int passes) {
    Scrubber scrubber = Scrubber.create(ScrubPolicy.defaults(), key);
    long bytes = 0;
    for (Exchange e : exchanges) {
      bytes += e.request().body().length() + (e.response() == null ? 0 : e.response().body().length());
    }
    for (int i = 0; i < WARMUP_PASSES; i++) {
      pass(scrubber, exchanges);
    }
    long[] wall = new long[passes];
    long[] cpu = new long[passes];
    for (int i = 0; i < passes; i++) {
      long cpuBefore = THREADS.getCurrentThreadCpuTime();
      wall[i] = pass(scrubber, exchanges);
      cpu[i] = THREADS.getCurrentThreadCpuTime() - cpuBefore;
    }
    Samples wallSamples = new Samples(wall);
    Samples cpuSamples = new Samples(cpu);
    System.out.printf(Locale.ROOT, "%-13s %,d exchanges of %,d body bytes on average%n", name, exchanges.size(),
        bytes / exchanges.size());
    System.out.printf(Locale.ROOT, "  per CPU second of the thread  %,9.0f exchanges/s (best %,.0f), %,6.1f MB/s of bodies%n",
        Samples.perSecond(exchanges.size(), cpuSamples.median()), Samples.perSecond(exchanges.size(), cpuSamples.best()),
        Samples.megabytesPerSecond(bytes, cpuSamples.median()));
    System.out.printf(Locale.ROOT, "  per wall-clock second         %,9.0f exchanges/s (best %,.0f)%n",
        Samples.perSecond(exchanges.size(), wallSamples.median()), Samples.perSecond(exchanges.size(), wallSamples.best()));
    long total = (long) exchanges.size() * (WARMUP_PASSES + passes);
    StringBuilder fired = new StringBuilder();
    for (Map.Entry<String, Long> hit : scrubber.ruleHits().entrySet()) {
      if (hit.getValue() > 0) {
        fired.append(String.format(Locale.ROOT, " %s %.2f", hit.getKey(), (double) hit.getValue() / total));
      }
    }
    System.out.println("  values changed per exchange:" + fired);
  }

  private static long pass(Scrubber scrubber, List<Exchange> exchanges) {
    long start = System.nanoTime();
    int changed = 0;
    for (Exchange e : exchanges) {
      if (scrubber.scrub(e) != e) {
        changed++;
      }
    }
    long took = System.nanoTime() - start;
    if (changed < 0) {
      throw new AssertionError();
    }
    return took;
  }

  /** Cart updates: a bearer token, a request id, a small JSON body each way; one in four mentions an e-mail. */
  private static List<Exchange> small(int count) {
    List<Exchange> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String note = i % 4 == 0 ? "for customer" + i + "@example.com" : "Happy birthday!";
      HttpRequest request = new HttpRequest("POST", "/api/v1/carts/" + (1000 + i) + "/items?expand=product",
          "HTTP/1.1", Headers.of("Host", "shop.example", "Authorization", "Bearer tok" + i + "abcdefghijklmnop",
              "Content-Type", "application/json", "User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0.0.0",
              "X-Request-Id", UUID.nameUUIDFromBytes(new byte[] {(byte) i, (byte) (i >> 8)}).toString()),
          Body.ofUtf8("{\"sku\":\"ALD-BLE-" + (90000 + i % 1000) + "\",\"quantity\":" + (1 + i % 3)
              + ",\"giftMessage\":\"" + note + "\"}"));
      HttpResponse response = new HttpResponse(200, Headers.of("Content-Type", "application/json; charset=utf-8",
          "Date", "Tue, 3 Jun 2025 09:00:00 GMT", "Cache-Control", "no-store"),
          Body.ofUtf8("{\"cartId\":" + (1000 + i) + ",\"items\":[{\"sku\":\"ALD-BLE-90766\",\"name\":\"Cordless"
              + " Blender\",\"quantity\":2,\"unitPrice\":49.99},{\"sku\":\"KTC-MUG-12345\",\"name\":\"Mug\","
              + "\"quantity\":1,\"unitPrice\":9.5}],\"total\":109.48,\"currency\":\"EUR\","
              + "\"updatedAt\":\"2025-06-03T09:00:00.250Z\"}"));
      long t = 1_748_941_200_000_000_000L + i * 1_000_000L;
      out.add(Exchange.inbound("ex-" + i, t, "conn-" + (i % 50), request, response, Timings.startedAt(t)));
    }
    return out;
  }
}
