package dev.replaytwin.bench;

import dev.replaytwin.bench.internal.Args;
import dev.replaytwin.bench.internal.MachineInfo;
import dev.replaytwin.bench.internal.OpenLoop;
import dev.replaytwin.bench.internal.OpenLoop.Result;
import dev.replaytwin.core.Headers;
import dev.replaytwin.replay.internal.RateFormat;
import dev.replaytwin.replay.internal.client.NettyTargetClient;
import dev.replaytwin.replay.internal.client.OutgoingRequest;
import dev.replaytwin.replay.internal.client.TargetClient;
import dev.replaytwin.replay.internal.client.TargetClientOptions;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The replayer's Netty client against OkHttp, driven open-loop as the replayer drives its targets:
 * one dispatcher thread sends at evenly spaced intended times (t0 + i × interval, parking until
 * each is due), at each of a list of rates. Per client and rate it prints the rate achieved, the
 * send lag (call time − intended), the latency from the intended time (so queueing in the client
 * counts), errors and drops; then the highest rate each client sustained with send-lag p99 under
 * 1 ms, latency p99 under 10 ms and no error or drop, and the ratios Netty / OkHttp of those rates
 * and of the highest rates achieved.
 *
 * <pre>
 * bench/run --main ClientBench --url http://127.0.0.1:8080/small.json --rates 10k,20k,40k --seconds 5
 * </pre>
 */
public final class ClientBench {
  static final String USAGE = """
      Usage: ClientBench --url URL [options]
        --url URL            a small static resource on the target, e.g. http://127.0.0.1:8080/small.json
        --rates LIST         request rates, in order (default 10k,20k,40k,60k,80k,100k,120k)
        --seconds N          seconds at each rate (default 5)
        --warmup N           seconds at the first rate before measuring, per client (default 10)
        --clients LIST       netty, okhttp or both, in order (default netty,okhttp)
        --max-connections N  each client's connection limit, and OkHttp's maxRequests (default 1024)
        --loops N            Netty event loops (default 1)""";
  static final double LAG_LIMIT_MS = 1;
  static final double LATENCY_LIMIT_MS = 10;

  /** The parsed command line. */
  record Options(URI url, List<Double> rates, int seconds, int warmup, List<String> clients, int maxConnections,
      int loops) {
    static Options parse(String[] args) {
      URI url = null;
      String rates = "10k,20k,40k,60k,80k,100k,120k";
      int seconds = 5;
      int warmup = 10;
      String clients = "netty,okhttp";
      int maxConnections = TargetClientOptions.DEFAULT_MAX_CONNECTIONS;
      int loops = 1;
      for (Map.Entry<String, String> option : Args.parse(args).entrySet()) {
        String name = option.getKey();
        String value = option.getValue();
        switch (name) {
          case "--url" -> url = URI.create(value);
          case "--rates" -> rates = value;
          case "--seconds" -> seconds = Args.number(name, value);
          case "--warmup" -> warmup = Args.number(name, value);
          case "--clients" -> clients = value;
          case "--max-connections" -> maxConnections = Args.number(name, value);
          case "--loops" -> loops = Args.number(name, value);
          default -> throw new IllegalArgumentException("unknown option " + name);
        }
      }
      if (url == null) {
        throw new IllegalArgumentException("--url is required");
      }
      List<Double> perSecond = new ArrayList<>();
      for (String rate : rates.split(",")) {
        perSecond.add(RateFormat.perSecond(rate));
      }
      List<String> names = Arrays.stream(clients.split(",")).map(String::strip).toList();
      for (String n : names) {
        if (!n.equals("netty") && !n.equals("okhttp")) {
          throw new IllegalArgumentException("--clients: \"" + n + "\" (expected: netty, okhttp)");
        }
      }
      if (seconds < 1 || warmup < 0 || loops < 1) {
        throw new IllegalArgumentException("--seconds, --loops: >= 1; --warmup: >= 0");
      }
      return new Options(url, perSecond, seconds, warmup, names, maxConnections, loops);
    }
  }

  private ClientBench() {}

  /** The machine's one-minute load average: other work on it shows here, and skews every figure. */
  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  public static void main(String[] args) throws Exception {
    Options options = Args.parseOrExit("ClientBench", USAGE, args, Options::parse);
    if (options == null) {
      return;
    }
    run(options, System.out);
  }

  static void run(Options o, PrintStream out) throws Exception {
    out.println("ReplayTwin client benchmark, " + Instant.now());
    out.println(MachineInfo.describe());
    out.printf(Locale.ROOT, "options  GET %s; %d s per rate after %d s of warm-up; max %d connections; %d Netty"
        + " event loop(s)%n%n", o.url(), o.seconds(), o.warmup(), o.maxConnections(), o.loops());
    URI base = URI.create(o.url().getScheme() + "://" + o.url().getRawAuthority());
    String target = o.url().getRawPath().isEmpty() ? "/" : o.url().getRawPath()
        + (o.url().getRawQuery() == null ? "" : "?" + o.url().getRawQuery());
    OutgoingRequest request = new OutgoingRequest("GET", target,
        Headers.of("User-Agent", "replaytwin-bench", "Accept", "*/*"), new byte[0]);
    TargetClientOptions clientOptions = TargetClientOptions.of(base).withMaxConnections(o.maxConnections());
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(o.loops(), new DefaultThreadFactory("bench-netty", true),
        NioIoHandler.newFactory());
    Map<String, List<Result>> results = new LinkedHashMap<>();
    try {
      out.println(Result.HEADER + "  load (1 min, whole machine)");
      for (String name : o.clients()) {
        try (TargetClient client = name.equals("netty") ? NettyTargetClient.create(clientOptions, group)
            : OkHttpTargetClient.create(clientOptions)) {
          OpenLoop loop = new OpenLoop(client, request);
          if (o.warmup() > 0) {
            loop.run(o.rates().get(0), o.warmup());
          }
          List<Result> rows = new ArrayList<>();
          for (double rate : o.rates()) {
            Result r = loop.run(rate, o.seconds());
            rows.add(r);
            out.println(r.row(name, client.stats().openConnections()) + "  " + loadAverage());
          }
          results.put(name, rows);
        }
      }
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
    out.printf(Locale.ROOT, "%nsustained: the highest rate with send-lag p99 < %.0f ms, latency p99 < %.0f ms,"
        + " no error and nothing dropped%n", LAG_LIMIT_MS, LATENCY_LIMIT_MS);
    Map<String, Double> best = new LinkedHashMap<>();
    Map<String, Double> peak = new LinkedHashMap<>();
    for (Map.Entry<String, List<Result>> e : results.entrySet()) {
      double top = 0;
      for (Result r : e.getValue()) {
        if (r.sustained(LAG_LIMIT_MS, LATENCY_LIMIT_MS)) {
          top = Math.max(top, r.rate());
        }
        peak.merge(e.getKey(), r.achieved(), Math::max);
      }
      best.put(e.getKey(), top);
      out.printf(Locale.ROOT, "  %-7s %-18s (highest achieved: %,.0f/s)%n", e.getKey(),
          top > 0 ? String.format(Locale.ROOT, "%,.0f/s", top) : "none of the rates", peak.get(e.getKey()));
    }
    if (best.containsKey("netty") && best.containsKey("okhttp")) {
      double okhttp = best.get("okhttp");
      out.printf(Locale.ROOT, "  netty / okhttp: sustained %s, highest achieved %.2fx%n",
          okhttp > 0 ? String.format(Locale.ROOT, "%.2fx", best.get("netty") / okhttp) : "n/a (okhttp sustained none)",
          peak.get("netty") / peak.get("okhttp"));
    }
  }
}
