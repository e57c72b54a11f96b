package dev.replaytwin.compare.internal;

import dev.replaytwin.compare.Decision;
import dev.replaytwin.compare.Verdict;
import dev.replaytwin.compare.stats.ExactTests;
import dev.replaytwin.core.Nullable;
import dev.replaytwin.core.run.CallLog;
import dev.replaytwin.core.run.DependencyCall;
import dev.replaytwin.core.run.RunDirectory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * The calls each target made to its simulated dependencies ({@code calls.jsonl}), per dependency
 * endpoint. A candidate making more calls than the baseline for the same requests (an N+1, a lost
 * cache, a retry storm) or calling an endpoint the baseline never called is a finding.
 *
 * <p>Calls carrying the replayer's trace id are paired by it across targets (the same replayed
 * request has the same trace id everywhere): the evidence is the exact sign test (McNemar) on the
 * requests that made more calls on one side than on the other. Untraced calls (a twin that does not
 * propagate {@code traceparent}) are compared by their totals, the same requests having been sent to
 * both: the conditional binomial test. An increase fails only past {@link #ALLOWANCE} of the
 * baseline's calls and past what the second baseline differs by.
 */
final class CallJudge {
  /** Relative growth of calls tolerated: a retry now and then is not a regression. */
  static final double ALLOWANCE = 0.05;
  /** Calls (both sides) below which an endpoint is judged with the other rare ones of its dependency. */
  static final int MIN_CALLS = 10;

  private CallJudge() {}

  /** One target's calls, per {@code dependency METHOD path-template}. */
  record Calls(Map<String, Map<String, Integer>> traced, Map<String, Long> untraced, Map<String, Long> unmatched) {
    long total(String key) {
      return traced.getOrDefault(key, Map.of()).values().stream().mapToLong(Integer::longValue).sum()
          + untraced.getOrDefault(key, 0L);
    }

    /** The same calls with the keys of {@code fold} renamed to their values, merged. */
    Calls folded(Map<String, String> fold) {
      if (fold.isEmpty()) {
        return this;
      }
      Map<String, Map<String, Integer>> t = new TreeMap<>();
      traced.forEach((k, v) -> v.forEach((trace, count) ->
          t.computeIfAbsent(fold.getOrDefault(k, k), x -> new HashMap<>()).merge(trace, count, Integer::sum)));
      Map<String, Long> u = new TreeMap<>();
      untraced.forEach((k, v) -> u.merge(fold.getOrDefault(k, k), v, Long::sum));
      Map<String, Long> m = new TreeMap<>();
      unmatched.forEach((k, v) -> m.merge(fold.getOrDefault(k, k), v, Long::sum));
      return new Calls(t, u, m);
    }
  }

  /**
   * Which calls belong to the measured part of the replay: none made before it began (its t0 plus
   * the warm-up, per run directory), nor any made for a request of the warm-up (by the trace id the
   * replayer gave it), as the warm-up's rows are not judged either.
   */
  record Measured(long @Nullable [] fromEpochNanos, Set<String> warmupTraces) {
    /** Every call. */
    static final Measured ALL = new Measured(null, Set.of());

    static Measured of(RunInputs inputs, Set<String> warmupTraces) {
      return new Measured(IntStream.range(0, inputs.dirs().size()).mapToLong(inputs::measuredFrom).toArray(),
          warmupTraces);
    }

    boolean includes(int dir, DependencyCall c) {
      return (fromEpochNanos == null || c.epochNanos() >= fromEpochNanos[dir])
          && (c.traceId().isEmpty() || !warmupTraces.contains(c.traceId()));
    }
  }

  /**
   * Reads a target's {@code measured} calls from every run directory (shards pooled); null when none
   * has a call log.
   */
  static @Nullable Calls read(List<RunDirectory> dirs, String target, Measured measured) throws IOException {
    Map<String, Map<String, Integer>> traced = new TreeMap<>();
    Map<String, Long> untraced = new TreeMap<>();
    Map<String, Long> unmatched = new TreeMap<>();
    boolean any = false;
    for (int i = 0; i < dirs.size(); i++) {
      RunDirectory dir = dirs.get(i);
      if (!java.nio.file.Files.isRegularFile(dir.calls(target))) {
        continue;
      }
      any = true;
      for (DependencyCall c : CallLog.read(dir.calls(target))) {
        if (!measured.includes(i, c)) {
          continue;
        }
        String key = c.dependency() + " " + (c.endpoint().isEmpty() ? c.method() + " " + c.path() : c.endpoint());
        if (c.traceId().isEmpty()) {
          untraced.merge(key, 1L, Long::sum);
        } else {
          traced.computeIfAbsent(key, k -> new HashMap<>()).merge(c.traceId(), 1, Integer::sum);
        }
        if (!c.matched()) {
          unmatched.merge(key, 1L, Long::sum);
        }
      }
    }
    return any ? new Calls(traced, untraced, unmatched) : null;
  }

  static List<Draft> judge(Calls baseline, Calls candidate, @Nullable Calls noise) {
    Set<String> keys = new java.util.TreeSet<>();
    keys.addAll(baseline.traced.keySet());
    keys.addAll(baseline.untraced.keySet());
    keys.addAll(candidate.traced.keySet());
    keys.addAll(candidate.untraced.keySet());
    // Endpoints too rarely called to test alone (a path with an id the namer did not recognise gives
    // one endpoint per id) are judged together, per dependency, rather than as many untestable checks.
    Map<String, String> fold = new HashMap<>();
    for (String key : keys) {
      if (baseline.total(key) + candidate.total(key) < MIN_CALLS) {
        fold.put(key, key.substring(0, key.indexOf(' ')) + " (endpoints with fewer than " + MIN_CALLS + " calls)");
      }
    }
    Calls b = baseline.folded(fold);
    Calls c = candidate.folded(fold);
    Calls n = noise == null ? null : noise.folded(fold);
    Set<String> judged = new java.util.TreeSet<>();
    for (String key : keys) {
      judged.add(fold.getOrDefault(key, key));
    }
    List<Draft> out = new ArrayList<>();
    for (String key : judged) {
      out.add(judge(key, b, c, n));
    }
    return out;
  }

  private static Draft judge(String key, Calls b, Calls c, @Nullable Calls n) {
    Map<String, Integer> bt = b.traced.getOrDefault(key, Map.of());
    Map<String, Integer> ct = c.traced.getOrDefault(key, Map.of());
    Set<String> traces = new HashSet<>(bt.keySet());
    traces.addAll(ct.keySet());
    long more = 0;
    long fewer = 0;
    List<String> examples = new ArrayList<>();
    for (String t : new java.util.TreeSet<>(traces)) {
      int x = bt.getOrDefault(t, 0);
      int y = ct.getOrDefault(t, 0);
      if (y > x) {
        more++;
        if (examples.size() < 3) {
          examples.add(t + " (" + x + " → " + y + ")");
        }
      } else if (y < x) {
        fewer++;
      }
    }
    long bTotal = b.total(key);
    long cTotal = c.total(key);
    long bUntraced = b.untraced.getOrDefault(key, 0L);
    long cUntraced = c.untraced.getOrDefault(key, 0L);
    double p = Math.min(traces.isEmpty() ? 1 : ExactTests.mcNemar(more, fewer).candidateWorse(),
        bUntraced + cUntraced == 0 ? 1 : ExactTests.mcNemar(cUntraced, bUntraced).candidateWorse());
    double relative = bTotal == 0 ? (cTotal == 0 ? 0 : Double.POSITIVE_INFINITY) : (double) cTotal / bTotal - 1;
    double noiseRelative = 0;
    Verdict.Measure noiseMeasure = null;
    if (n != null) {
      long nTotal = n.total(key);
      noiseRelative = bTotal == 0 ? (nTotal == 0 ? 0 : Double.POSITIVE_INFINITY) : Math.abs((double) nTotal / bTotal - 1);
      noiseMeasure = measure(nTotal, traces.size(), n.unmatched.getOrDefault(key, 0L));
    }
    boolean beyond = cTotal > bTotal && relative > ALLOWANCE && relative > noiseRelative;
    long newCalls = c.unmatched.getOrDefault(key, 0L);
    String perRequest = traces.isEmpty() ? "" : String.format(Locale.ROOT, "; per calling request %s against %s (%d"
        + " requests made more calls on the candidate, %d fewer; exact sign test one-sided p %s)",
        perRequest(cTotal - cUntraced, traces.size()), perRequest(bTotal - bUntraced, traces.size()), more, fewer,
        ErrorJudge.pText(p));
    String explanation = String.format(Locale.ROOT, "%s: the candidate made %d calls, the baseline %d%s%s%s.",
        key, cTotal, bTotal, bTotal > 0 ? String.format(Locale.ROOT, " (%+.1f%%)", relative * 100) : "", perRequest,
        newCalls > 0 ? "; " + newCalls + " of the candidate's calls matched no captured stub" : "");
    String next = !beyond ? "" : bTotal == 0
        ? "The candidate calls " + key + ", which the baseline never called: a new dependency call; check it is"
            + " meant, and capture its traffic so it can be simulated."
        : "Look for calls repeated per request (an N+1 loop, a lost cache, retries) in the candidate's path to "
            + key + (examples.isEmpty() ? "" : "; trace ids with more calls: " + String.join(", ", examples)
            + " (targets/*/calls.jsonl)") + ".";
    Verdict.Check check = new Verdict.Check(Verdict.Check.ALL, "dependencies", key + " calls", Decision.PASS,
        measure(bTotal, traces.size(), b.unmatched.getOrDefault(key, 0L)),
        measure(cTotal, traces.size(), newCalls), noiseMeasure,
        new Verdict.Effect(cTotal - bTotal, Double.NaN, Double.NaN, "calls", relative, Double.NaN, Double.NaN),
        String.format(Locale.ROOT, "+%.0f%% calls", ALLOWANCE * 100), p, Double.NaN, Math.max(traces.size(),
            bTotal + cTotal), List.of(), explanation, next);
    return new Draft(check, beyond ? p : 1, beyond, null);
  }

  private static Verdict.Measure measure(long total, int traces, long unmatched) {
    String text = total + " calls" + (traces > 0 ? ", " + perRequest(total, traces) + " per calling request" : "")
        + (unmatched > 0 ? ", " + unmatched + " unmatched" : "");
    return new Verdict.Measure(total, Double.NaN, Double.NaN, "calls", text);
  }

  private static String perRequest(long calls, int requests) {
    return String.format(Locale.ROOT, "%.2f", requests == 0 ? 0 : (double) calls / requests);
  }
}
