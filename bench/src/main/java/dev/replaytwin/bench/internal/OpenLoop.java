package dev.replaytwin.bench.internal;

import com.sun.management.OperatingSystemMXBean;
import dev.replaytwin.core.run.ErrorKind;
import dev.replaytwin.replay.internal.client.ClientResponse;
import dev.replaytwin.replay.internal.client.OutgoingRequest;
import dev.replaytwin.replay.internal.client.ResponseListener;
import dev.replaytwin.replay.internal.client.TargetClient;
import java.lang.management.ManagementFactory;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Drives one {@link TargetClient} open-loop from the calling thread, as the replayer's dispatcher
 * does: request i is due at t0 + i × interval (computed, never summed), the thread parks until it
 * is due and sends it whether or not earlier ones have been answered. Send lag (call time −
 * intended) and latency from the intended time go into HdrHistograms; the process's CPU time over
 * the run, divided by the responses, says what each cost this JVM (the dispatcher and GC included).
 */
public final class OpenLoop {
  private static final long DRAIN_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(30);
  private static final OperatingSystemMXBean CPU =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private final TargetClient client;
  private final OutgoingRequest request;

  public OpenLoop(TargetClient client, OutgoingRequest request) {
    this.client = client;
    this.request = request;
  }

  /** One rate's figures. Times are in nanoseconds. */
  public record Result(double rate, long sent, long ok, double achieved, Histogram lag, Histogram latency,
      Map<ErrorKind, Long> errors, long lost, double cpuMicrosPerRequest) {
    public static final String HEADER = String.format(Locale.ROOT, "%-7s %9s %10s %9s %9s %9s %9s %8s %6s %7s %7s %s",
        "client", "rate/s", "achieved/s", "lag p99", "lat p50", "lat p99", "lat max", "cpu/req", "conns", "errors",
        "dropped", "error kinds");

    public long dropped() {
      return errors.getOrDefault(ErrorKind.DROPPED, 0L);
    }

    public long failed() {
      return errors.values().stream().mapToLong(Long::longValue).sum() + lost;
    }

    public boolean sustained(double lagLimitMs, double latencyLimitMs) {
      return failed() == 0 && ok == sent && ms(lag.getValueAtPercentile(99)) < lagLimitMs
          && ms(latency.getValueAtPercentile(99)) < latencyLimitMs;
    }

    public String row(String client, int connections) {
      Map<ErrorKind, Long> kinds = new EnumMap<>(errors);
      kinds.remove(ErrorKind.DROPPED);
      return String.format(Locale.ROOT,
          "%-7s %,9.0f %,10.0f %6.2f ms %6.2f ms %6.2f ms %6.1f ms %5.1f us %6d %7d %7d %s%s",
          client, rate, achieved, ms(lag.getValueAtPercentile(99)), ms(latency.getValueAtPercentile(50)),
          ms(latency.getValueAtPercentile(99)), ms(latency.getMaxValue()), cpuMicrosPerRequest, connections,
          failed() - dropped(),
          dropped(), kinds.isEmpty() ? "" : kinds, lost > 0 ? " lost " + lost : "");
    }

    private static double ms(long nanos) {
      return nanos / 1e6;
    }
  }

  /** Sends {@code rate × seconds} requests on schedule, then waits (30 s at most) for their outcomes. */
  public Result run(double rate, int seconds) throws InterruptedException {
    long n = Math.round(rate * seconds);
    double interval = 1e9 / rate;
    Histogram lag = new Histogram(3);
    Outcomes outcomes = new Outcomes();
    long cpu0 = CPU.getProcessCpuTime();
    long t0 = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
    for (long i = 0; i < n; i++) {
      long intended = t0 + (long) (i * interval);
      long now = System.nanoTime();
      while (now < intended) {
        LockSupport.parkNanos(intended - now);
        now = System.nanoTime();
      }
      lag.recordValue(now - intended);
      client.send(request, outcomes.listener(intended));
    }
    long deadline = System.nanoTime() + DRAIN_LIMIT_NANOS;
    while (outcomes.done.sum() < n && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    long cpu = CPU.getProcessCpuTime() - cpu0;
    long ok = outcomes.ok.sum();
    double elapsed = Math.max(1, outcomes.lastEnd.get() - t0) / 1e9;
    Map<ErrorKind, Long> errors = new EnumMap<>(ErrorKind.class);
    outcomes.errors.forEach((kind, count) -> {
      if (count.sum() > 0) {
        errors.put(kind, count.sum());
      }
    });
    return new Result(rate, n, ok, ok / elapsed, lag, outcomes.latency.getIntervalHistogram(), errors,
        n - outcomes.done.sum(), cpu / 1e3 / Math.max(1, ok));
  }

  /** What the responses of one run came to; written from the clients' threads. */
  private static final class Outcomes {
    final Recorder latency = new Recorder(3);
    final LongAdder ok = new LongAdder();
    final LongAdder done = new LongAdder();
    final AtomicLong lastEnd = new AtomicLong();
    final Map<ErrorKind, LongAdder> errors = new EnumMap<>(ErrorKind.class);

    Outcomes() {
      for (ErrorKind k : ErrorKind.values()) {
        errors.put(k, new LongAdder());
      }
    }

    ResponseListener listener(long intended) {
      return r -> record(intended, r);
    }

    private void record(long intended, ClientResponse r) {
      if (r.isComplete()) {
        latency.recordValue(Math.max(0, r.endNanoTime() - intended));
        ok.increment();
        lastEnd.accumulateAndGet(r.endNanoTime(), Math::max);
      } else {
        errors.get(r.error()).increment();
      }
      done.increment();
    }
  }
}
