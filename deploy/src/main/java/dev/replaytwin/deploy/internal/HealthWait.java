package dev.replaytwin.deploy.internal;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.deploy.TwinSpec;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Polls a twin's health URL until it answers below 400, its process exits, or the health timeout
 * passes. Each GET is bounded (at most {@value #MAX_CALL_SECONDS}s, never past the deadline), so
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
   * Waits for {@code url} to be healthy per {@code health}; {@code process}, when not null, is
   * watched so an exit ends the wait at once instead of at the timeout.
   */
  public static Result await(URI url, TwinSpec.Health health, Process process) throws InterruptedException {
    requireNonNull(url, "url");
    requireNonNull(health, "health");
    long deadline = System.nanoTime() + health.timeout().toNanos();
    String last = "no answer yet";
    while (true) {
      if (process != null && !process.isAlive()) {
        return new Exited(process.exitValue());
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return new TimedOut(last);
      }
      Probe.Answer answer = Probe.get(url, Duration.ofNanos(Math.min(left, TimeUnit.SECONDS.toNanos(MAX_CALL_SECONDS))),
          false);
      // Checked after the answer too: the port may belong to someone else once this process is gone.
      if (process != null && !process.isAlive()) {
        return new Exited(process.exitValue());
      }
      if (answer.ok()) {
        return new Healthy();
      }
      last = answer.describe();
      left = deadline - System.nanoTime();
      if (left <= 0) {
        return new TimedOut(last);
      }
      long pause = Math.min(left, health.interval().toNanos());
      if (process != null) {
        process.waitFor(pause, TimeUnit.NANOSECONDS); // wakes at once if it exits
      } else {
        TimeUnit.NANOSECONDS.sleep(pause);
      }
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
