package dev.replaytwin.deploy.internal;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.deploy.TwinSpec;
import java.net.URI;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Polls a twin's health URL until it answers below 400, the twin ends (its process exits, or
 * whatever else the caller watches says so), or the health timeout passes. Each GET is bounded (at most {@value #MAX_CALL_SECONDS}s, never past the deadline), so
 * the whole wait ends within the timeout plus one short call.
 */
public final class HealthWait {
  private static final long MAX_CALL_SECONDS = 2;

  private HealthWait() {
  }

  /** How the wait ended. */
  public sealed interface Result permits Healthy, Exited, TimedOut {
  }

  public record Healthy() implements Result {
  }

  public record Exited(int exitCode) implements Result {
  }

  /** @param lastAnswer the last status or failure seen, e.g. "503" or "connection refused" */
  public record TimedOut(String lastAnswer) implements Result {
  }

  /**
   * Waits for {@code url} to be healthy per {@code health}; {@code process} is watched so an exit
   * ends the wait at once instead of at the timeout.
   */
  public static Result await(URI url, TwinSpec.Health health, Process process) throws InterruptedException {
    requireNonNull(process, "process");
    return poll(url, health, () -> process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue()),
        nanos -> process.waitFor(nanos, TimeUnit.NANOSECONDS)); // wakes at once if it exits
  }

  /**
   * Waits for {@code url} to be healthy per {@code health}; {@code exited} is asked before and after
   * each GET and ends the wait with the exit code it gives (for a twin that is not a local process,
   * such as a container; {@code OptionalInt::empty} for one nothing here can see end).
   */
  public static Result await(URI url, TwinSpec.Health health, Supplier<OptionalInt> exited)
      throws InterruptedException {
    requireNonNull(exited, "exited");
    return poll(url, health, exited, TimeUnit.NANOSECONDS::sleep);
  }

  /** Sleeps between polls; may return early. */
  private interface Pause {
    void pause(long nanos) throws InterruptedException;
  }

  private static Result poll(URI url, TwinSpec.Health health, Supplier<OptionalInt> exited, Pause pause)
      throws InterruptedException {
    requireNonNull(url, "url");
    requireNonNull(health, "health");
    long deadline = System.nanoTime() + health.timeout().toNanos();
    long maxCall = TimeUnit.SECONDS.toNanos(MAX_CALL_SECONDS);
    String last = "no answer yet";
    boolean lastWasStatus = false;
    while (true) {
      OptionalInt code = exited.get();
      if (code.isPresent()) {
        return new Exited(code.getAsInt());
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return new TimedOut(last);
      }
      boolean cutShort = left < maxCall;
      Probe.Answer answer = Probe.get(url, Duration.ofNanos(Math.min(left, maxCall)), false);
      // Checked after the answer too: the port may belong to someone else once the twin is gone.
      code = exited.get();
      if (code.isPresent()) {
        return new Exited(code.getAsInt());
      }
      if (answer.ok()) {
        return new Healthy();
      }
      // A call the deadline cut short and got nothing says less than the status before it ("503").
      if (!(cutShort && answer.status() <= 0 && lastWasStatus)) {
        last = answer.describe();
        lastWasStatus = answer.status() > 0;
      }
      left = deadline - System.nanoTime();
      if (left <= 0) {
        return new TimedOut(last);
      }
      pause.pause(Math.min(left, health.interval().toNanos()));
      if (Thread.interrupted()) {
        throw new InterruptedException("waiting for " + url);
      }
    }
  }

  /** "60s", "1.5s", "250ms": a health timeout as users wrote it. */
  public static String describe(Duration duration) {
    long millis = duration.toMillis();
    if (millis < 1000) {
      return millis + "ms";
    }
    if (millis % 1000 == 0) {
      return millis / 1000 + "s";
    }
    return (millis / 100) / 10.0 + "s";
  }
}
