package dev.replaytwin.cli.internal;

import dev.replaytwin.core.scrub.PiiFinding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code twin capture audit} found in a capture: every finding counted, by rule and by
 * exchange, and the first {@code limit} kept to show. Memory stays bounded by the limit.
 */
public final class AuditTally {
  private final long limit;
  private final List<PiiFinding> shown = new ArrayList<>();
  private final Map<String, Long> byRule = new TreeMap<>();
  private long exchanges;
  private long exchangesWithFindings;
  private long findings;

  public AuditTally(long limit) {
    this.limit = limit;
  }

  /** Counts one exchange's findings; returns those within the limit, to be shown. */
  public List<PiiFinding> add(List<PiiFinding> found) {
    exchanges++;
    if (found.isEmpty()) {
      return List.of();
    }
    exchangesWithFindings++;
    findings += found.size();
    for (PiiFinding f : found) {
      byRule.merge(f.rule(), 1L, Long::sum);
    }
    int room = (int) Math.max(0, Math.min(found.size(), limit - shown.size()));
    List<PiiFinding> show = found.subList(0, room);
    shown.addAll(show);
    return show;
  }

  public long exchanges() {
    return exchanges;
  }

  public long exchangesWithFindings() {
    return exchangesWithFindings;
  }

  public long findings() {
    return findings;
  }

  /** Findings per rule, sorted by rule name. */
  public Map<String, Long> byRule() {
    return Collections.unmodifiableMap(byRule);
  }

  /** The findings kept to show, in the order found. */
  public List<PiiFinding> shown() {
    return Collections.unmodifiableList(shown);
  }
}
