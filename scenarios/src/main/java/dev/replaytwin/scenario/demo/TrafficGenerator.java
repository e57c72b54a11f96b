package dev.replaytwin.scenario.demo;

import dev.replaytwin.scenario.demo.TrafficPlan.Settings;
import dev.replaytwin.scenario.demo.TrafficPlan.Step;
import dev.replaytwin.scenario.demo.TrafficPlan.Visit;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Drives the demo shop with shoppers' traffic, for recording the demo capture
 * ({@code scenarios/examples/demo/record.sh}, {@code docs/demo-capture.md}). The traffic is planned
 * in advance from a seed ({@link TrafficPlan}), so the same seed sends the same requests; each
 * visit's next request waits for the previous answer, as a browser does.
 *
 * <pre>{@code
 * java -cp replaytwin-scenarios.jar dev.replaytwin.scenario.demo.TrafficGenerator \
 *     --target http://127.0.0.1:8080 --duration 8m --rate 20 --seed 1
 * }</pre>
 *
 * <p>Only the JDK is used. It drives loopback addresses only, and stops at the planned duration plus
 * a minute whatever the shop does.
 */
public final class TrafficGenerator {
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration GRACE = Duration.ofMinutes(1);
  private static final String USAGE = "usage: TrafficGenerator --target URL [--duration 8m] [--rate 20] [--seed 1]"
      + " [--incident-at 4m48s] [--incident-length 48s] [--plan-only]";

  private TrafficGenerator() {}

  /**
   * What a run sent and got.
   *
   * @param sent requests sent
   * @param byStatus answers by status code
   * @param failed requests that got no answer (refused, reset, timed out)
   * @param unfinished visits still going when the time was up
   */
  public record Result(long sent, Map<Integer, Integer> byStatus, long failed, long unfinished) {
    public Result {
      byStatus = Map.copyOf(byStatus);
    }
  }

  public static void main(String[] args) throws InterruptedException {
    Settings settings;
    URI target;
    boolean planOnly;
    try {
      DemoOptions options = DemoOptions.parse(args, List.of("--target", "--duration", "--rate", "--seed",
          "--incident-at", "--incident-length"), List.of("--plan-only"), USAGE);
      planOnly = options.flag("--plan-only");
      target = options.value("--target", TrafficGenerator::loopback, null);
      if (target == null && !planOnly) {
        throw new IllegalArgumentException("--target is required (" + USAGE + ")");
      }
      Duration duration = options.duration("--duration", Settings.demo(1).duration());
      Duration incidentAt = options.duration("--incident-at", null);
      Duration incidentLength = options.duration("--incident-length", null);
      // The incident sits at 60-70% of the run unless placed: late enough for a steady state before it.
      settings = new Settings(duration, options.number("--rate", Settings.demo(1).rate()), options.whole("--seed", 1),
          incidentAt != null ? incidentAt : duration.multipliedBy(6).dividedBy(10),
          incidentLength != null ? incidentLength : duration.dividedBy(10));
    } catch (IllegalArgumentException e) {
      System.err.println("traffic: " + e.getMessage());
      System.exit(2);
      return;
    }
    TrafficPlan plan = TrafficPlanner.plan(settings);
    System.out.println("traffic: " + describe(plan));
    if (planOnly) {
      return;
    }
    Result result = run(plan, target, System.out);
    System.out.println("traffic: done; " + result.sent() + " sent, statuses " + new TreeMap<>(result.byStatus())
        + ", " + result.failed() + " without an answer, " + result.unfinished() + " visits cut short");
    System.exit(result.failed() + result.unfinished() > 0 ? 1 : 0);
  }

  /** One line saying what the plan holds. */
  static String describe(TrafficPlan plan) {
    Settings s = plan.settings();
    return plan.size() + " requests in " + (plan.visits().size() - 1) + " visits over "
        + DurationText.format(s.duration()) + " (seed " + s.seed() + "): " + plan.countByKind() + ", "
        + plan.longSearches() + " searches longer than " + TrafficPlan.LONG_QUERY + " characters, "
        + plan.concurrentCheckoutGroups(5) + " groups of checkouts within 5 ms; incident at "
        + DurationText.format(s.incidentAt()) + " for " + DurationText.format(s.incidentLength());
  }

  /**
   * Sends {@code plan} to {@code target} in real time and returns when every visit is over, or the
   * planned duration and a minute have passed.
   */
  public static Result run(TrafficPlan plan, URI target, PrintStream progress) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(4, daemon("traffic-http"));
    ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, daemon("traffic-timer"));
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).executor(pool).build();
    Sender sender = new Sender(client, target, timer, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200),
        plan.visits().size());
    long minutes = plan.settings().duration().toMinutes();
    for (long m = 1; m <= minutes; m++) {
      long minute = m;
      timer.schedule(() -> progress.println("traffic: minute " + minute + ", " + sender.sent.sum() + " sent, "
          + sender.failed.sum() + " without an answer"), sender.delayNanos(minute * 60_000), TimeUnit.NANOSECONDS);
    }
    plan.visits().forEach(v -> sender.next(v, 0));
    boolean done = sender.visitsLeft.await(plan.settings().duration().plus(GRACE).toMillis() + 200,
        TimeUnit.MILLISECONDS);
    sender.stopped.set(true);
    timer.shutdownNow();
    pool.shutdownNow();
    Map<Integer, Integer> byStatus = new TreeMap<>();
    sender.byStatus.forEach((k, v) -> byStatus.put(k, v.get()));
    return new Result(sender.sent.sum(), byStatus, sender.failed.sum(), done ? 0 : sender.visitsLeft.getCount());
  }

  /** Sends each visit's steps in order, each at its planned time or when the previous is answered. */
  private static final class Sender {
    final HttpClient client;
    final URI target;
    final ScheduledExecutorService timer;
    final long startNanos;
    final CountDownLatch visitsLeft;
    final AtomicBoolean stopped = new AtomicBoolean();
    final LongAdder sent = new LongAdder();
    final LongAdder failed = new LongAdder();
    final Map<Integer, AtomicInteger> byStatus = new ConcurrentHashMap<>();

    Sender(HttpClient client, URI target, ScheduledExecutorService timer, long startNanos, int visits) {
      this.client = client;
      this.target = target;
      this.timer = timer;
      this.startNanos = startNanos;
      this.visitsLeft = new CountDownLatch(visits);
    }

    long delayNanos(long atMillis) {
      return Math.max(0, startNanos + TimeUnit.MILLISECONDS.toNanos(atMillis) - System.nanoTime());
    }

    void next(Visit visit, int index) {
      if (index == visit.steps().size() || stopped.get()) {
        visitsLeft.countDown();
        return;
      }
      Step step = visit.steps().get(index);
      timer.schedule(() -> send(visit, index, step), delayNanos(step.atMillis()), TimeUnit.NANOSECONDS);
    }

    private void send(Visit visit, int index, Step step) {
      HttpRequest.Builder b = HttpRequest.newBuilder(target.resolve(step.target())).timeout(REQUEST_TIMEOUT)
          .header("User-Agent", visit.userAgent())
          .header("Accept", "application/json")
          .header("traceparent", step.traceparent());
      if (!visit.session().isEmpty()) {
        b.header("Accept-Language", "en-GB,en;q=0.8")
            .header("Cookie", "session=" + visit.session() + "; consent=analytics");
      }
      if (step.body().isEmpty()) {
        b.method(step.method(), HttpRequest.BodyPublishers.noBody());
      } else {
        b.header("Content-Type", "application/json")
            .method(step.method(), HttpRequest.BodyPublishers.ofString(step.body()));
      }
      sent.increment();
      client.sendAsync(b.build(), HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
        if (r != null) {
          byStatus.computeIfAbsent(r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
        } else {
          failed.increment();
        }
        next(visit, index + 1);
      });
    }
  }

  private static URI loopback(String text) {
    URI uri;
    try {
      uri = URI.create(text.endsWith("/") ? text : text + "/");
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--target " + text + ": not a URL (expected: http://127.0.0.1:PORT)");
    }
    if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException("--target " + text + ": not an http URL (expected: http://127.0.0.1:PORT)");
    }
    try {
      if (!InetAddress.getByName(uri.getHost()).isLoopbackAddress()) {
        throw new IllegalArgumentException("--target " + text + ": not a loopback address (expected: 127.0.0.1,"
            + " localhost or [::1]; the generator drives local demos only)");
      }
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("--target " + text + ": unknown host (expected: 127.0.0.1)");
    }
    return uri;
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
