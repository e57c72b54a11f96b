package dev.replaytwin.scenario.demo;

import static java.util.Objects.requireNonNull;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the {@link TrafficGenerator} sends to the demo shop, worked out in advance from a seed: visits
 * (a shopper's session, one cookie, its requests in order) and the health probe. The same settings
 * give the same plan, request for request.
 *
 * @param settings what the plan was made from
 * @param visits every visit, the health probe's first, then in order of their first request
 */
public record TrafficPlan(Settings settings, List<Visit> visits) {
  /** Queries longer than this are the ones release 1.5 searches slowly. */
  public static final int LONG_QUERY = 12;

  public TrafficPlan {
    requireNonNull(settings, "settings");
    visits = List.copyOf(visits);
  }

  /**
   * What a plan is made from.
   *
   * @param duration how long the traffic runs, 10 s to 1 h
   * @param rate the mean request rate over the whole run, 0.1 to 200 per second; it swells and ebbs
   *     over the run like a day compressed, and doubles during the incident
   * @param seed the random seed; the same seed gives the same plan
   * @param incidentAt when the incident starts, from the start of the traffic
   * @param incidentLength how long it lasts ({@link Duration#ZERO} for none): twice the visits,
   *     mostly long searches, and checkouts in waves of five to nine at the same millisecond
   */
  public record Settings(Duration duration, double rate, long seed, Duration incidentAt, Duration incidentLength) {
    public Settings {
      requireNonNull(duration, "duration");
      requireNonNull(incidentAt, "incidentAt");
      requireNonNull(incidentLength, "incidentLength");
      if (duration.compareTo(Duration.ofSeconds(10)) < 0 || duration.compareTo(Duration.ofHours(1)) > 0) {
        throw new IllegalArgumentException("duration: " + duration + " (expected: 10s..1h)");
      }
      if (!(rate >= 0.1 && rate <= 200)) {
        throw new IllegalArgumentException("rate: " + rate + " (expected: 0.1..200 requests per second)");
      }
      if (incidentAt.isNegative() || incidentLength.isNegative()
          || incidentAt.plus(incidentLength).compareTo(duration) > 0) {
        throw new IllegalArgumentException("incident: " + incidentAt + " for " + incidentLength
            + " (expected: within the duration, " + duration + ")");
      }
    }

    /**
     * The committed demo capture's settings: eight minutes at 20 requests a second, the incident at
     * 60-70% of it (4m48s for 48 s), as {@code TrafficGenerator} places it when not told.
     */
    public static Settings demo(long seed) {
      return new Settings(Duration.ofMinutes(8), 20, seed, Duration.ofSeconds(288), Duration.ofSeconds(48));
    }

    boolean inIncident(long atMillis) {
      return atMillis >= incidentAt.toMillis() && atMillis < incidentAt.plus(incidentLength).toMillis();
    }
  }

  /** What a request does, one per shop endpoint. */
  public enum Kind { HEALTH, SEARCH, PRODUCT, CART_ADD, CART, CHECKOUT }

  /**
   * One planned request.
   *
   * @param atMillis when it is due, from the start of the traffic; a visit's next request waits for
   *     the answer to its previous one as well
   * @param kind which endpoint
   * @param method the HTTP method
   * @param target path and query
   * @param body the JSON body, {@code ""} for none
   * @param traceparent the W3C trace context the shop's edge would add
   */
  public record Step(long atMillis, Kind kind, String method, String target, String body, String traceparent) {
    public Step {
      requireNonNull(kind, "kind");
      requireNonNull(method, "method");
      requireNonNull(target, "target");
      requireNonNull(body, "body");
      requireNonNull(traceparent, "traceparent");
      if (atMillis < 0) {
        throw new IllegalArgumentException("atMillis: " + atMillis + " (expected: >= 0)");
      }
    }

    /** The decoded search query of a search, {@code ""} for other requests. */
    public String query() {
      if (kind != Kind.SEARCH) {
        return "";
      }
      int q = target.indexOf("q=");
      int end = target.indexOf('&', q);
      return URLDecoder.decode(target.substring(q + 2, end < 0 ? target.length() : end), StandardCharsets.UTF_8);
    }
  }

  /**
   * A visit: one session's requests in order.
   *
   * @param session the {@code session} cookie's value, {@code ""} for the health probe (no cookie)
   * @param userAgent the client's User-Agent
   * @param steps its requests, in time order
   */
  public record Visit(String session, String userAgent, List<Step> steps) {
    public Visit {
      requireNonNull(session, "session");
      requireNonNull(userAgent, "userAgent");
      steps = List.copyOf(steps);
      for (int i = 1; i < steps.size(); i++) {
        if (steps.get(i).atMillis() < steps.get(i - 1).atMillis()) {
          throw new IllegalArgumentException("steps[" + i + "].atMillis: " + steps.get(i).atMillis()
              + " (expected: >= " + steps.get(i - 1).atMillis() + ", steps in time order)");
        }
      }
    }
  }

  /** Every planned request, in time order. */
  public List<Step> steps() {
    List<Step> all = new ArrayList<>();
    visits.forEach(v -> all.addAll(v.steps()));
    all.sort(Comparator.comparingLong(Step::atMillis));
    return all;
  }

  public int size() {
    return visits.stream().mapToInt(v -> v.steps().size()).sum();
  }

  public Map<Kind, Integer> countByKind() {
    Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
    for (Kind k : Kind.values()) {
      counts.put(k, 0);
    }
    visits.forEach(v -> v.steps().forEach(s -> counts.merge(s.kind(), 1, Integer::sum)));
    return counts;
  }

  /** Searches whose query is longer than {@link #LONG_QUERY} characters. */
  public long longSearches() {
    return visits.stream().flatMap(v -> v.steps().stream())
        .filter(s -> s.kind() == Kind.SEARCH && s.query().length() > LONG_QUERY).count();
  }

  /**
   * How many groups of checkouts by different sessions fall within {@code windowMillis} of each
   * other's first: the overlapping checkouts release 1.5 fails under.
   */
  public int concurrentCheckoutGroups(long windowMillis) {
    List<long[]> checkouts = new ArrayList<>();
    for (int v = 0; v < visits.size(); v++) {
      for (Step s : visits.get(v).steps()) {
        if (s.kind() == Kind.CHECKOUT) {
          checkouts.add(new long[] {s.atMillis(), v});
        }
      }
    }
    checkouts.sort(Comparator.comparingLong(c -> c[0]));
    int groups = 0;
    for (int i = 0; i < checkouts.size(); ) {
      int j = i + 1;
      while (j < checkouts.size() && checkouts.get(j)[0] - checkouts.get(i)[0] <= windowMillis) {
        j++;
      }
      long sessions = checkouts.subList(i, j).stream().mapToLong(c -> c[1]).distinct().count();
      groups += sessions > 1 ? 1 : 0;
      i = j;
    }
    return groups;
  }
}
