package dev.replaytwin.compare.diff;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.core.Nullable;
import java.util.Comparator;

/**
 * One difference kept to show in a report: which request, where, and the two values (cut to {@link
 * DiffLimits#maxValueChars()}).
 *
 * @param exchangeId the request's captured exchange
 * @param loop the pass over the capture
 * @param path the concrete path, such as {@code $.items[3].price}
 * @param left the baseline's value, or {@code null} when absent
 * @param right the candidate's value (the second baseline's, for noise), or {@code null} when absent
 */
public record Example(String exchangeId, int loop, String path, @Nullable String left, @Nullable String right) {
  /** The order examples are chosen in: exchange id (as text), then loop. */
  public static final Comparator<Example> ORDER =
      Comparator.comparing(Example::exchangeId).thenComparingInt(Example::loop);

  public Example {
    requireNonNull(exchangeId, "exchangeId");
    requireNonNull(path, "path");
    if (loop < 0) {
      throw new IllegalArgumentException("loop: " + loop + " (expected: >= 0)");
    }
  }
}
