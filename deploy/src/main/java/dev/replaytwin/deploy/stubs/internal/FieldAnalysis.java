package dev.replaytwin.deploy.stubs.internal;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.deploy.stubs.StubIndex.IgnoredField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;

/**
 * Which request fields the stubs of one method and path match on. The rules, in order:
 *
 * <ol>
 *   <li>When every request got the same response, none: one stub answers them all.
 *   <li>A field with the same value in every request (or absent from all) needs no matcher.
 *   <li>A field with a different value in every request is not matched, because a replay would
 *       send new values that never match (timestamps, nonces, idempotency keys); unless every one
 *       of its values is also among the service's inputs in the capture (its inbound requests, its
 *       dependencies' responses), so the replay will send the same values again (a customer id
 *       pseudonymised alike everywhere).
 *   <li>Any other field that varies is matched: its values repeat, so they tell requests apart.
 * </ol>
 *
 * A field absent from a request counts as one more value ("absent").
 *
 * @param matched the fields to match on, sorted
 * @param ignored the fields that vary but are not matched, sorted, with the reason
 */
public record FieldAnalysis(List<String> matched, List<IgnoredField> ignored) {
  static final String SAME_RESPONSE = "every request got the same response";
  static final String NEW_EVERY_TIME = "a new value in every request, not among the service's inputs"
      + " (generated: a timestamp, nonce or key), so a replay would never match it";

  public FieldAnalysis {
    matched = List.copyOf(requireNonNull(matched, "matched"));
    ignored = List.copyOf(requireNonNull(ignored, "ignored"));
  }

  /**
   * Analyses one group of requests.
   *
   * @param requests each request's fields ({@link RequestFields#of})
   * @param responsesDiffer false when every request got the same response
   * @param reproducible whether a field's value is among the service's inputs (field name, plain value)
   */
  public static FieldAnalysis of(List<Map<String, String>> requests, boolean responsesDiffer,
      BiPredicate<String, String> reproducible) {
    List<String> matched = new ArrayList<>();
    List<IgnoredField> ignored = new ArrayList<>();
    for (String field : varying(requests)) {
      if (!responsesDiffer) {
        ignored.add(new IgnoredField(field, SAME_RESPONSE));
      } else if (newEveryTime(requests, field) && !allReproducible(requests, field, reproducible)) {
        ignored.add(new IgnoredField(field, NEW_EVERY_TIME));
      } else {
        matched.add(field);
      }
    }
    return new FieldAnalysis(matched, ignored);
  }

  /**
   * The plain values of the fields that have a new value in every request: those whose origin
   * {@link #of} will ask about.
   */
  public static Set<String> candidates(List<Map<String, String>> requests) {
    Set<String> values = new HashSet<>();
    for (String field : varying(requests)) {
      if (newEveryTime(requests, field)) {
        for (Map<String, String> r : requests) {
          String v = r.get(field);
          if (v != null) {
            for (String part : v.split(RequestFields.MULTI, -1)) {
              values.add(RequestFields.plain(field, part));
            }
          }
        }
      }
    }
    return values;
  }

  /** The fields whose value (or absence) is not the same in every request, sorted. */
  static Set<String> varying(List<Map<String, String>> requests) {
    Set<String> all = new LinkedHashSet<>();
    requests.forEach(r -> all.addAll(r.keySet()));
    Set<String> varying = new TreeSet<>();
    for (String field : all) {
      Set<String> seen = new HashSet<>();
      for (Map<String, String> r : requests) {
        seen.add(valueOrAbsent(r, field));
        if (seen.size() > 1) {
          varying.add(field);
          break;
        }
      }
    }
    return varying;
  }

  /** No two requests share a value (absence counts as a value). */
  private static boolean newEveryTime(List<Map<String, String>> requests, String field) {
    Map<String, Integer> counts = new HashMap<>();
    for (Map<String, String> r : requests) {
      if (counts.merge(valueOrAbsent(r, field), 1, Integer::sum) > 1) {
        return false;
      }
    }
    return true;
  }

  private static boolean allReproducible(List<Map<String, String>> requests, String field,
      BiPredicate<String, String> reproducible) {
    for (Map<String, String> r : requests) {
      String v = r.get(field);
      if (v == null) {
        continue;
      }
      for (String part : v.split(RequestFields.MULTI, -1)) {
        if (!reproducible.test(field, RequestFields.plain(field, part))) {
          return false;
        }
      }
    }
    return true;
  }

  /** The field's value marked as present, or a marker for its absence that no value can equal. */
  static String valueOrAbsent(Map<String, String> request, String field) {
    String v = request.get(field);
    return v == null ? "-" : "=" + v;
  }
}
