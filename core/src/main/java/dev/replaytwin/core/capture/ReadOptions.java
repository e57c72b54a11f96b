package dev.replaytwin.core.capture;

import static java.util.Objects.requireNonNull;

import java.util.function.Consumer;

/**
 * What a {@link CaptureReader} returns and how it treats damage.
 *
 * @param fromNanos only exchanges captured at or after this epoch-nanosecond time
 * @param toNanos only exchanges captured before this time ({@link Long#MAX_VALUE} = no end)
 * @param skipCorrupt skip corrupt blocks (reporting each) instead of failing on the first
 * @param onProblem told of each problem as it is found, once
 */
public record ReadOptions(long fromNanos, long toNanos, boolean skipCorrupt, Consumer<CaptureProblem> onProblem) {
  private static final Consumer<CaptureProblem> IGNORE = p -> {};

  public ReadOptions {
    requireNonNull(onProblem, "onProblem");
    if (toNanos < fromNanos) {
      throw new IllegalArgumentException("toNanos: " + toNanos + " (expected: >= fromNanos " + fromNanos + ")");
    }
  }

  /** Everything, failing on the first corrupt block. */
  public static ReadOptions defaults() {
    return new ReadOptions(Long.MIN_VALUE, Long.MAX_VALUE, false, IGNORE);
  }

  public ReadOptions between(long fromNanos, long toNanos) {
    return new ReadOptions(fromNanos, toNanos, skipCorrupt, onProblem);
  }

  public ReadOptions skippingCorrupt(boolean skip) {
    return new ReadOptions(fromNanos, toNanos, skip, onProblem);
  }

  public ReadOptions reportingTo(Consumer<CaptureProblem> listener) {
    return new ReadOptions(fromNanos, toNanos, skipCorrupt, listener);
  }

  /** True when a block spanning {@code [first, last]} may hold an exchange in range. */
  public boolean overlaps(long first, long last) {
    return last >= fromNanos && first < toNanos;
  }

  public boolean contains(long t) {
    return t >= fromNanos && t < toNanos;
  }
}
