package dev.replaytwin.proxy;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Bounded polling for what another thread makes true: a condition that never holds fails fast. */
final class Await {
  private static final Duration LIMIT = Duration.ofSeconds(5);

  private Await() {}

  static void until(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + LIMIT + ": " + what);
      }
      Thread.sleep(10);
    }
  }
}
