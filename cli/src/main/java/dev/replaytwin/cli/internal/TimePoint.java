package dev.replaytwin.cli.internal;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;

/**
 * A point in a capture's time as given on the command line ({@code --from}, {@code --to}): an
 * instant, or an offset from the capture's first exchange. {@link TimePointConverter} parses them.
 */
public sealed interface TimePoint {

  /** Epoch nanoseconds of this point in a capture whose first exchange was at {@code firstNanos}. */
  long resolve(long firstNanos);

  /** True when the point depends on where the capture starts. */
  default boolean isRelative() {
    return this instanceof AfterFirst;
  }

  /** A fixed instant; it must fit epoch nanoseconds in a long (years 1677 to 2262). */
  record At(Instant instant) implements TimePoint {
    public At {
      requireNonNull(instant, "instant");
      epochNanos(instant);
    }

    @Override
    public long resolve(long firstNanos) {
      return epochNanos(instant);
    }

    private static long epochNanos(Instant instant) {
      return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }
  }

  /** An offset from the first exchange of the capture. */
  record AfterFirst(Duration offset) implements TimePoint {
    public AfterFirst {
      requireNonNull(offset, "offset");
      if (offset.isNegative()) {
        throw new IllegalArgumentException("offset: " + offset + " (expected: >= 0)");
      }
    }

    @Override
    public long resolve(long firstNanos) {
      long nanos = offset.toNanos();
      return firstNanos > Long.MAX_VALUE - nanos ? Long.MAX_VALUE : firstNanos + nanos;
    }
  }
}
