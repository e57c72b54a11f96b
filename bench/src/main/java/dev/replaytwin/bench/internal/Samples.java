package dev.replaytwin.bench.internal;

import java.util.Arrays;
import java.util.Locale;

/** Durations of repeated timed passes, in nanoseconds; none when a pass was not measured. */
public record Samples(long[] nanos) {
  public static final Samples NONE = new Samples(new long[0]);

  public Samples {
    nanos = nanos.clone();
    Arrays.sort(nanos);
  }

  public boolean isEmpty() {
    return nanos.length == 0;
  }

  /** The median pass (the lower middle one for an even count). */
  public long median() {
    return nanos[(nanos.length - 1) / 2];
  }

  /** The fastest pass. */
  public long best() {
    return nanos[0];
  }

  /** Items per second at {@code nanos}. */
  public static double perSecond(long items, long nanos) {
    return items * 1e9 / nanos;
  }

  /** Megabytes (10^6 bytes) per second at {@code nanos}. */
  public static double megabytesPerSecond(long bytes, long nanos) {
    return bytes * 1e3 / nanos;
  }

  /** Each pass in seconds, fastest first, for progress lines. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    for (long n : nanos) {
      sb.append(sb.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.3f", n / 1e9));
    }
    return sb + " s";
  }
}
