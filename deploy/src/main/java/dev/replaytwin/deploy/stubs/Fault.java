package dev.replaytwin.deploy.stubs;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.core.Nullable;
import java.time.Duration;
import java.util.Locale;

/**
 * A degradation of one dependency (or one of its endpoints) that a simulator injects, for a
 * scenario that asks how a release copes: added delay, errors at a rate, connection resets, empty
 * responses, a rate limit, or a full outage. Each may start some time into the replay
 * ({@code startAfter}, from {@link DependencySimulators#markStart()}) and last a while
 * ({@code duration}; {@code null} until the end).
 *
 * <pre>{@code
 * Fault.errors("payments", 0.05, 503).on("POST /v1/charges").startingAfter(Duration.ofMinutes(2));
 * Fault.delay("ledger", Delay.logNormal(Duration.ofMillis(200), 0.5));
 * Fault.outage("payments").startingAfter(Duration.ofSeconds(30)).lasting(Duration.ofSeconds(60));
 * }</pre>
 *
 * @param dependency the dependency's name
 * @param endpoint which calls: empty for all; else {@code [METHOD ]PATH}, where PATH is a route
 *     template ({@code /v1/charges/{id}}, compared with the call's endpoint name) or a glob on the
 *     call's path ({@code *} one segment's characters, {@code **} anything)
 * @param kind what happens to a call the fault hits
 * @param rate the share of matching calls it hits, 0 < rate <= 1 (1 for rate limits and outages)
 * @param status the status of an {@link Kind#ERROR} (400..599) or an {@link Kind#OUTAGE} (400..599,
 *     or 0 to reset connections instead); 0 for the other kinds
 * @param delay added to every call the fault hits, before it is answered or fails
 * @param perSecond for {@link Kind#RATE_LIMIT}: calls a second let through, the rest get 429
 * @param startAfter when the fault starts, from the replay's start
 * @param duration how long it lasts, or {@code null} for the rest of the run
 */
public record Fault(String dependency, String endpoint, Kind kind, double rate, int status, Delay delay,
    double perSecond, Duration startAfter, @Nullable Duration duration) {

  /** What a fault does to a call it hits. */
  public enum Kind {
    /** Only the delay: the call is then answered as usual. */
    DELAY,
    /** An error response with {@code status}. */
    ERROR,
    /** The connection is reset: the caller sees an I/O error, no response. */
    RESET,
    /** The connection is closed without a response. */
    EMPTY,
    /** Past {@code perSecond} calls a second, 429 Too Many Requests. */
    RATE_LIMIT,
    /** Every call fails: {@code status} (503 by default), or a reset when status is 0. */
    OUTAGE;

    /** The name as scenarios and {@code calls.jsonl} write it: {@code rate-limit}, {@code outage}… */
    public String text() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** True when a hit call is not answered with its stub's response. */
    public boolean fails() {
      return this != DELAY;
    }
  }

  public Fault {
    requireNonNull(dependency, "dependency");
    requireNonNull(endpoint, "endpoint");
    requireNonNull(kind, "kind");
    requireNonNull(delay, "delay");
    requireNonNull(startAfter, "startAfter");
    if (dependency.isBlank()) {
      throw new IllegalArgumentException("dependency: \"" + dependency + "\" (expected: a dependency's name)");
    }
    if (!(rate > 0 && rate <= 1)) {
      throw new IllegalArgumentException("rate: " + rate + " (expected: 0 < rate <= 1)");
    }
    if ((kind == Kind.RATE_LIMIT || kind == Kind.OUTAGE) && rate != 1) {
      throw new IllegalArgumentException("rate: " + rate + " (expected: 1 for " + kind.text() + ")");
    }
    switch (kind) {
      case ERROR -> requireStatus(status, false, kind);
      case OUTAGE -> requireStatus(status, true, kind);
      default -> {
        if (status != 0) {
          throw new IllegalArgumentException("status: " + status + " (expected: 0, " + kind.text()
              + " sends no status of its own)");
        }
      }
    }
    if (kind == Kind.RATE_LIMIT ? !(perSecond > 0) : perSecond != 0) {
      throw new IllegalArgumentException("perSecond: " + perSecond + " (expected: "
          + (kind == Kind.RATE_LIMIT ? "> 0" : "0, only rate-limit has one") + ")");
    }
    if (kind == Kind.DELAY && delay.isZero()) {
      throw new IllegalArgumentException("delay: none (expected: a delay for a delay fault)");
    }
    if (startAfter.isNegative()) {
      throw new IllegalArgumentException("startAfter: " + startAfter + " (expected: >= 0)");
    }
    if (duration != null && (duration.isNegative() || duration.isZero())) {
      throw new IllegalArgumentException("duration: " + duration + " (expected: > 0, or none for the whole run)");
    }
  }

  private static void requireStatus(int status, boolean zeroAllowed, Kind kind) {
    if (!(status >= 400 && status <= 599 || zeroAllowed && status == 0)) {
      throw new IllegalArgumentException("status: " + status + " (expected: 400..599"
          + (zeroAllowed ? ", or 0 to reset connections" : "") + " for " + kind.text() + ")");
    }
  }

  /** Every call to {@code dependency} waits {@code delay} longer. */
  public static Fault delay(String dependency, Delay delay) {
    return new Fault(dependency, "", Kind.DELAY, 1, 0, delay, 0, Duration.ZERO, null);
  }

  /** A share {@code rate} of the calls is answered with {@code status}. */
  public static Fault errors(String dependency, double rate, int status) {
    return new Fault(dependency, "", Kind.ERROR, rate, status, Delay.NONE, 0, Duration.ZERO, null);
  }

  /** A share {@code rate} of the calls has its connection reset. */
  public static Fault resets(String dependency, double rate) {
    return new Fault(dependency, "", Kind.RESET, rate, 0, Delay.NONE, 0, Duration.ZERO, null);
  }

  /** A share {@code rate} of the calls gets its connection closed without a response. */
  public static Fault emptyResponses(String dependency, double rate) {
    return new Fault(dependency, "", Kind.EMPTY, rate, 0, Delay.NONE, 0, Duration.ZERO, null);
  }

  /** Calls past {@code perSecond} a second get 429. */
  public static Fault rateLimit(String dependency, double perSecond) {
    return new Fault(dependency, "", Kind.RATE_LIMIT, 1, 0, Delay.NONE, perSecond, Duration.ZERO, null);
  }

  /** Every call gets 503. */
  public static Fault outage(String dependency) {
    return outage(dependency, 503);
  }

  /** Every call gets {@code status}, or has its connection reset when it is 0. */
  public static Fault outage(String dependency, int status) {
    return new Fault(dependency, "", Kind.OUTAGE, 1, status, Delay.NONE, 0, Duration.ZERO, null);
  }

  /** This fault on the calls {@code endpoint} names only (see the class description). */
  public Fault on(String endpoint) {
    return new Fault(dependency, endpoint, kind, rate, status, delay, perSecond, startAfter, duration);
  }

  /** This fault, adding {@code delay} to the calls it hits. */
  public Fault withDelay(Delay delay) {
    return new Fault(dependency, endpoint, kind, rate, status, delay, perSecond, startAfter, duration);
  }

  /** This fault, hitting a share {@code rate} of the calls. */
  public Fault atRate(double rate) {
    return new Fault(dependency, endpoint, kind, rate, status, delay, perSecond, startAfter, duration);
  }

  /** This fault, starting {@code startAfter} into the replay. */
  public Fault startingAfter(Duration startAfter) {
    return new Fault(dependency, endpoint, kind, rate, status, delay, perSecond, startAfter, duration);
  }

  /** This fault, ending {@code duration} after it started. */
  public Fault lasting(Duration duration) {
    return new Fault(dependency, endpoint, kind, rate, status, delay, perSecond, startAfter, duration);
  }
}
