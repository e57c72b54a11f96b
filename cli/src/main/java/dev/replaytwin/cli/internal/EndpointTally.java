package dev.replaytwin.cli.internal;

import dev.replaytwin.core.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Exchange counts and status mix per endpoint name, for at most {@code limit} names so that a
 * capture whose targets do not collapse into few endpoints still has bounded memory: exchanges of
 * names past the limit are counted together under {@link #OVERFLOW}.
 */
public final class EndpointTally {
  /** Where exchanges go once {@code limit} distinct endpoints have been seen. */
  public static final String OVERFLOW = "(other endpoints)";

  private final int limit;
  private final Map<String, Endpoint> endpoints = new HashMap<>();
  private long overflowed;

  public EndpointTally(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit: " + limit + " (expected: >= 1)");
    }
    this.limit = limit;
  }

  /** Counts one exchange of endpoint {@code name}. */
  public void add(String name, HttpResponse response) {
    Endpoint endpoint = endpoints.get(name);
    if (endpoint == null) {
      if (endpoints.size() >= limit) {
        overflowed++;
        name = OVERFLOW;
      }
      endpoint = endpoints.computeIfAbsent(name, Endpoint::new);
    }
    endpoint.count++;
    endpoint.statuses.add(response);
  }

  /** Distinct endpoints counted one by one ({@link #OVERFLOW} included when used). */
  public int distinct() {
    return endpoints.size();
  }

  /** Exchanges counted under {@link #OVERFLOW} because the limit of distinct names was reached. */
  public long overflowed() {
    return overflowed;
  }

  /** The {@code n} busiest endpoints, busiest first, then by name. */
  public List<Endpoint> top(int n) {
    List<Endpoint> all = new ArrayList<>(endpoints.values());
    all.sort(Comparator.comparingLong((Endpoint e) -> e.count).reversed().thenComparing(e -> e.name));
    return all.subList(0, Math.min(n, all.size()));
  }

  /** One endpoint's counts. */
  public static final class Endpoint {
    private final String name;
    private final StatusMix statuses = new StatusMix();
    private long count;

    private Endpoint(String name) {
      this.name = name;
    }

    /** The endpoint's name, e.g. {@code GET /users/{id}}, or {@code [payments] POST /charges} outbound. */
    public String name() {
      return name;
    }

    public long count() {
      return count;
    }

    public StatusMix statuses() {
      return statuses;
    }
  }
}
