package dev.replaytwin.compare.diff.internal;

import dev.replaytwin.compare.diff.Example;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Keeps the first {@code max} examples in {@link Example#ORDER}, whatever order they arrive in, so
 * the same run gives the same examples however its outcomes were interleaved.
 */
final class ExampleKeeper {
  private final int max;
  private final List<Example> kept;

  ExampleKeeper(int max) {
    this.max = max;
    this.kept = new ArrayList<>(Math.min(max, 4));
  }

  /** True when an example from this request would be kept; lets callers skip building it. */
  boolean wants(String exchangeId, int loop) {
    if (kept.size() < max) {
      return true;
    }
    if (max == 0) {
      return false;
    }
    Example last = kept.get(kept.size() - 1);
    int c = exchangeId.compareTo(last.exchangeId());
    return c < 0 || (c == 0 && loop < last.loop());
  }

  void offer(Example example) {
    if (!wants(example.exchangeId(), example.loop())) {
      return;
    }
    int at = Collections.binarySearch(kept, example, Example.ORDER);
    kept.add(at < 0 ? -at - 1 : at + 1, example);
    if (kept.size() > max) {
      kept.remove(kept.size() - 1);
    }
  }

  List<Example> examples() {
    return List.copyOf(kept);
  }
}
