package dev.replaytwin.core.scrub.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.ObjIntConsumer;

/** The rules that changed something while one exchange was scrubbed, and how many values each. */
public final class Firing {
  private Map<String, int[]> hits;

  /** Records that {@code ruleName} changed one value. */
  public void fire(String ruleName) {
    if (hits == null) {
      hits = new LinkedHashMap<>(8);
    }
    hits.computeIfAbsent(ruleName, k -> new int[1])[0]++;
  }

  public boolean isEmpty() {
    return hits == null;
  }

  /** Rule names in the order they first fired. */
  public Set<String> rules() {
    return hits == null ? Set.of() : hits.keySet();
  }

  public void forEach(ObjIntConsumer<String> action) {
    if (hits != null) {
      hits.forEach((rule, count) -> action.accept(rule, count[0]));
    }
  }
}
