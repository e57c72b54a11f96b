package dev.replaytwin.core.scrub.internal;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.ObjIntConsumer;

/**
 * The rules that changed something while one exchange was scrubbed, and how many values each.
 * Few rules fire per exchange, so they are kept in small arrays searched by identity first (rule
 * names are the policy's own string instances).
 */
public final class Firing {
  private String[] rules;
  private int[] counts;
  private int size;

  /** Records that {@code ruleName} changed one value. */
  public void fire(String ruleName) {
    if (rules == null) {
      rules = new String[4];
      counts = new int[4];
    }
    for (int i = 0; i < size; i++) {
      if (rules[i] == ruleName || rules[i].equals(ruleName)) {
        counts[i]++;
        return;
      }
    }
    if (size == rules.length) {
      rules = Arrays.copyOf(rules, size * 2);
      counts = Arrays.copyOf(counts, size * 2);
    }
    rules[size] = ruleName;
    counts[size++] = 1;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** Rule names in the order they first fired. */
  public Set<String> rules() {
    return size == 0 ? Set.of() : new LinkedHashSet<>(Arrays.asList(rules).subList(0, size));
  }

  public void forEach(ObjIntConsumer<String> action) {
    for (int i = 0; i < size; i++) {
      action.accept(rules[i], counts[i]);
    }
  }
}
