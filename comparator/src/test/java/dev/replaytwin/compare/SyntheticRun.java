package dev.replaytwin.compare;

import dev.replaytwin.core.Body;
import dev.replaytwin.core.Headers;
import dev.replaytwin.core.Sha256;
import dev.replaytwin.core.run.ErrorKind;
import dev.replaytwin.core.run.Outcome;
import dev.replaytwin.core.run.OutcomeWriter;
import dev.replaytwin.core.run.ResourceLog;
import dev.replaytwin.core.run.ResourceSample;
import dev.replaytwin.core.run.RunDirectory;
import dev.replaytwin.core.run.RunManifest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes a run directory as twin replay would, with seeded, paired, log-normal latencies (a
 * per-request part every target shares, plus each target's own jitter) and JSON bodies, so tests know
 * the answer: a target's {@link Change} plants a regression in its rows.
 */
final class SyntheticRun {
  static final String[] ENDPOINTS = {"GET /search", "GET /products/{id}", "POST /checkout"};
  private static final long T0 = 1_763_700_000_000_000_000L;

  /** What one target does differently from the baseline for a request. */
  interface Change {
    Change NONE = (endpoint, i, random, row) -> row;

    Row apply(String endpoint, int i, Random random, Row row);
  }

  /** A row before it becomes an outcome. */
  record Row(long latencyNanos, int status, String body) {}

  private final long seed;
  private final int requests;
  private final Map<String, Change> targets;
  private boolean valid = true;
  private boolean timestamps;
  private final Map<String, double[]> resources = new java.util.HashMap<>();
  private final Map<String, Double> gc = new java.util.HashMap<>();

  SyntheticRun(long seed, int requests, Map<String, Change> targets) {
    this.seed = seed;
    this.requests = requests;
    this.targets = targets;
  }

  /** Every response carries a fresh timestamp and id, different on every target (noise). */
  SyntheticRun withVolatileFields() {
    this.timestamps = true;
    return this;
  }

  /**
   * Writes 60 resource samples a second apart for {@code target}: CPU seconds used per second, resident
   * MiB at the start, and how many MiB it climbs a minute, each with a little jitter.
   */
  SyntheticRun withResources(String target, double cpuPerSecond, double rssMib, double slopeMibPerMinute) {
    resources.put(target, new double[] {cpuPerSecond, rssMib, slopeMibPerMinute});
    return this;
  }

  /**
   * Gives {@code target}'s resource samples GC time: {@code gcPerSecond} seconds of it each second.
   */
  SyntheticRun withGc(String target, double gcPerSecond) {
    gc.put(target, gcPerSecond);
    return this;
  }

  SyntheticRun invalid() {
    this.valid = false;
    return this;
  }

  Path write(Path root) throws Exception {
    RunDirectory dir = RunDirectory.at(root);
    List<RunManifest.Target> manifestTargets = new ArrayList<>();
    long t = 0;
    for (Map.Entry<String, Change> target : targets.entrySet()) {
      Random shared = new Random(seed);
      Random own = new Random(seed * 31 + t++);
      try (OutcomeWriter w = OutcomeWriter.create(dir.outcomes(target.getKey()))) {
        for (int i = 0; i < requests; i++) {
          String endpoint = ENDPOINTS[i % ENDPOINTS.length];
          double requestPart = Math.exp(shared.nextGaussian() * 0.5);
          double jitter = Math.exp(own.nextGaussian() * 0.05);
          long latency = (long) (2_000_000 * (1 + i % ENDPOINTS.length) * requestPart * jitter);
          String body = "{\"id\":" + i + ",\"name\":\"item-" + (i % 50) + "\",\"price\":" + (i % 50) + ".5"
              + (timestamps ? ",\"ts\":\"" + own.nextLong() + "\"" : "") + "}";
          Row row = target.getValue().apply(endpoint, i, own, new Row(latency, 200, body));
          long intended = T0 + i * 1_000_000L;
          byte[] bytes = row.body().getBytes(StandardCharsets.UTF_8);
          boolean failed = row.status() == 0;
          w.append(new Outcome("e" + i, 0, endpoint, endpoint.substring(0, endpoint.indexOf(' ')), intended,
              intended + 50_000, failed ? -1 : row.latencyNanos(), failed ? -1 : row.latencyNanos() - 50_000,
              row.status(), failed ? ErrorKind.RESET : ErrorKind.NONE, failed ? "reset" : "",
              failed ? -1 : bytes.length, failed ? "" : Sha256.of(bytes), failed ? "" : "application/json",
              failed ? Body.EMPTY : Body.wrap(bytes), failed ? Headers.EMPTY
                  : Headers.of("Content-Type", "application/json")));
        }
      }
      double[] r = resources.get(target.getKey());
      if (r != null) {
        Random jitter = new Random(seed * 7 + t);
        try (ResourceLog log = ResourceLog.append(dir.resources(target.getKey()))) {
          double cpu = 0;
          Double gcRate = gc.get(target.getKey());
          double gcSeconds = 0;
          for (int s = 0; s < 60; s++) {
            cpu += r[0] * (1 + 0.05 * jitter.nextGaussian());
            long rss = (long) ((r[1] + r[2] * s / 60.0 + jitter.nextGaussian()) * 1024 * 1024);
            gcSeconds += gcRate == null ? 0 : gcRate;
            log.write(new ResourceSample(T0 + s * 1_000_000_000L, cpu, rss, 40, 80, gcRate == null ? -1 : gcSeconds));
          }
        }
      }
      manifestTargets.add(new RunManifest.Target(target.getKey(), "http://127.0.0.1:1", true, requests, requests,
          Map.of(), 0, 0));
    }
    Instant start = Instant.ofEpochSecond(0, T0);
    new RunManifest(RunManifest.VERSION, RunManifest.FINISHED, start.toString(),
        start.plusMillis(requests).toString(), T0,
        new RunManifest.Capture(List.of("c.twcap"), "cap-1", "sha256:abc", Map.of(), requests, 0), manifestTargets,
        new RunManifest.Schedule("scaled", true, 1, 0, 0, "", "", false, 1, "0/1", Map.of(), false, ""),
        new RunManifest.Health(valid, valid ? List.of() : List.of("send lag p99 was 4.000 ms, over the 1.000 ms bound"),
            1_000_000, 100_000, valid ? 500_000 : 4_000_000, 5_000_000, 0, 0, 0, 0, 0, 0, 0),
        Map.of()).write(dir.manifest());
    return root;
  }

}
