package dev.replaytwin.deploy.stubs.internal;

import dev.replaytwin.deploy.stubs.Fault;
import dev.replaytwin.deploy.stubs.FaultPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The faults of one dependency, as a simulator applies them: the one place that decides what
 * happens to a call. Each fault has its own seeded random source, so which calls a rated fault hits
 * depends only on the seed and the order of the calls it sees.
 */
public final class FaultBook {
  private final List<Active> faults;

  private FaultBook(List<Active> faults) {
    this.faults = faults;
  }

  /** The faults of {@code plan} on {@code dependency}. */
  public static FaultBook of(FaultPlan plan, String dependency) {
    List<Active> active = new ArrayList<>();
    for (int i = 0; i < plan.faults().size(); i++) {
      Fault f = plan.faults().get(i);
      if (f.dependency().equals(dependency)) {
        active.add(new Active(f, EndpointPattern.parse(f.endpoint()), new Random(plan.seed() * 1_000_003L + i),
            f.kind() == Fault.Kind.RATE_LIMIT ? new TokenBucket(f.perSecond()) : null));
      }
    }
    return new FaultBook(List.copyOf(active));
  }

  /** Checks every fault's endpoint, so a bad one fails the start, not a call. */
  public static void validate(FaultPlan plan) {
    plan.faults().forEach(f -> EndpointPattern.parse(f.endpoint()));
  }

  /**
   * What happens to one call.
   *
   * @param sinceStartNanos time since the replay started (negative before it)
   */
  public Decision decide(String method, String path, String endpoint, long sinceStartNanos, long nowNanos) {
    Fault failing = null;
    boolean delayed = false;
    double delay = 0;
    for (Active a : faults) {
      Fault f = a.fault();
      if (!inWindow(f, sinceStartNanos) || !a.pattern().matches(method, path, endpoint)) {
        continue;
      }
      boolean hit = switch (f.kind()) {
        case RATE_LIMIT -> !a.bucket().tryAcquire(nowNanos);
        case OUTAGE -> true;
        default -> f.rate() >= 1 || a.random().nextDouble() < f.rate();
      };
      if (!hit) {
        continue;
      }
      if (!f.delay().isZero()) {
        delay += f.delay().sampleMillis(a.random());
        delayed = true;
      }
      if (f.kind().fails() && failing == null) {
        failing = f;
      }
    }
    return failing != null ? new Decision(failing, delay, failing.kind().text())
        : new Decision(null, delay, delayed ? Fault.Kind.DELAY.text() : "");
  }

  public boolean isEmpty() {
    return faults.isEmpty();
  }

  private static boolean inWindow(Fault f, long sinceStartNanos) {
    long start = f.startAfter().toNanos();
    if (sinceStartNanos < start) {
      return false;
    }
    return f.duration() == null || sinceStartNanos < start + f.duration().toNanos();
  }

  /**
   * What a call gets.
   *
   * @param failure the fault that makes it fail, or null when it is answered as usual
   * @param delayMillis the delay faults add
   * @param name what {@code calls.jsonl} records: the failing fault's kind, {@code delay}, or empty
   */
  public record Decision(Fault failure, double delayMillis, String name) {}

  private record Active(Fault fault, EndpointPattern pattern, Random random, TokenBucket bucket) {}

  /** {@code perSecond} tokens a second, at most {@code perSecond} (and at least one) saved up. */
  static final class TokenBucket {
    private final double perSecond;
    private final double capacity;
    private double tokens;
    private long last = Long.MIN_VALUE;

    TokenBucket(double perSecond) {
      this.perSecond = perSecond;
      this.capacity = Math.max(1, perSecond);
      this.tokens = capacity;
    }

    synchronized boolean tryAcquire(long nowNanos) {
      if (last != Long.MIN_VALUE) {
        tokens = Math.min(capacity, tokens + (nowNanos - last) / 1e9 * perSecond);
      }
      last = nowNanos;
      if (tokens >= 1) {
        tokens -= 1;
        return true;
      }
      return false;
    }
  }
}
