package dev.replaytwin.cli.internal;

/**
 * The busiest second of a capture, in constant memory. Counts sit in a ring of one-second buckets
 * covering the last {@link #WINDOW_SECONDS} seconds before the newest exchange seen; a bucket is
 * final once it leaves the ring. Captures are mostly but not strictly in time order, so an exchange
 * may land in any bucket still in the ring; one older than that is counted in
 * {@link #outsideWindow()} and left out of the peak.
 */
public final class PeakRate {
  public static final int WINDOW_SECONDS = 3600;
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final long[] buckets = new long[WINDOW_SECONDS];
  private boolean empty = true;
  private long newestSecond;
  private long peakCount;
  private long peakSecond;
  private long outsideWindow;

  /** Counts one exchange captured at {@code epochNanos}. */
  public void add(long epochNanos) {
    long second = Math.floorDiv(epochNanos, NANOS_PER_SECOND);
    if (empty) {
      empty = false;
      newestSecond = second;
    } else if (second > newestSecond) {
      long evictTo = Math.min(newestSecond, second - WINDOW_SECONDS);
      for (long s = newestSecond - WINDOW_SECONDS + 1; s <= evictTo; s++) {
        settle(s);
      }
      newestSecond = second;
    } else if (second <= newestSecond - WINDOW_SECONDS) {
      outsideWindow++;
      return;
    }
    buckets[slot(second)]++;
  }

  /** The busiest second so far: the earliest one on a tie; count 0 when nothing was added. */
  public Peak peak() {
    long count = peakCount;
    long second = peakSecond;
    if (!empty) {
      for (long s = newestSecond - WINDOW_SECONDS + 1; s <= newestSecond; s++) {
        long c = buckets[slot(s)];
        if (c > count || (c == count && c > 0 && s < second)) {
          count = c;
          second = s;
        }
      }
    }
    return new Peak(count, second);
  }

  /** Exchanges that arrived more than the window behind the newest one and were left out of the peak. */
  public long outsideWindow() {
    return outsideWindow;
  }

  private void settle(long second) {
    int slot = slot(second);
    long count = buckets[slot];
    if (count > peakCount || (count == peakCount && count > 0 && second < peakSecond)) {
      peakCount = count;
      peakSecond = second;
    }
    buckets[slot] = 0;
  }

  private static int slot(long second) {
    return (int) Math.floorMod(second, (long) WINDOW_SECONDS);
  }

  /**
   * A busiest second.
   *
   * @param count exchanges captured in it
   * @param epochSecond its start, epoch seconds
   */
  public record Peak(long count, long epochSecond) {}
}
