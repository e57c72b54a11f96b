package dev.replaytwin.compare.diff.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Multiset comparisons of array elements, by {@link JsonValues#equal}. */
final class ArrayMatch {
  /** Below this many elements a quadratic scan beats hashing. */
  private static final int SMALL = 12;

  private ArrayMatch() {}

  /**
   * True when every element of {@code small} from {@code from} on can be paired with a distinct
   * element of {@code large} from {@code from} on: the same multiset when the sizes are equal, or
   * elements only added (or only removed) when {@code large} is longer.
   */
  static boolean containsAll(JsonNode large, JsonNode small, int from) {
    int n = large.size() - from;
    if (n <= SMALL) {
      boolean[] used = new boolean[n];
      for (int i = from; i < small.size(); i++) {
        if (!takeLinear(large, from, used, small.get(i))) {
          return false;
        }
      }
      return true;
    }
    Map<Integer, List<JsonNode>> buckets = new HashMap<>();
    for (int i = from; i < large.size(); i++) {
      JsonNode element = large.get(i);
      buckets.computeIfAbsent(JsonValues.hash(element), h -> new ArrayList<>(1)).add(element);
    }
    for (int i = from; i < small.size(); i++) {
      JsonNode element = small.get(i);
      List<JsonNode> bucket = buckets.get(JsonValues.hash(element));
      if (bucket == null || !takeFromBucket(bucket, element)) {
        return false;
      }
    }
    return true;
  }

  private static boolean takeLinear(JsonNode large, int from, boolean[] used, JsonNode wanted) {
    for (int j = 0; j < used.length; j++) {
      if (!used[j] && JsonValues.equal(large.get(from + j), wanted)) {
        used[j] = true;
        return true;
      }
    }
    return false;
  }

  private static boolean takeFromBucket(List<JsonNode> bucket, JsonNode wanted) {
    for (int j = 0; j < bucket.size(); j++) {
      if (JsonValues.equal(bucket.get(j), wanted)) {
        bucket.remove(j);
        return true;
      }
    }
    return false;
  }
}
