package dev.replaytwin.core.scrub.internal;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Running totals of values changed per rule, for metrics. Thread-safe. */
public final class RuleCounters {
  private final ConcurrentHashMap<String, LongAdder> counters = new ConcurrentHashMap<>();

  /** Counters for {@code ruleNames} exist, at zero, from the start. */
  public RuleCounters(Collection<String> ruleNames) {
    ruleNames.forEach(name -> counters.put(name, new LongAdder()));
  }

  public void add(Firing firing) {
    firing.forEach((rule, count) -> counters.computeIfAbsent(rule, k -> new LongAdder()).add(count));
  }

  /** A snapshot, sorted by rule name. */
  public Map<String, Long> snapshot() {
    Map<String, Long> out = new TreeMap<>();
    counters.forEach((rule, adder) -> out.put(rule, adder.sum()));
    return out;
  }
}
