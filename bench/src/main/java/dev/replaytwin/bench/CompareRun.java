package dev.replaytwin.bench;

import dev.replaytwin.bench.internal.OutFileArgs;
import dev.replaytwin.core.Body;
import dev.replaytwin.core.Headers;
import dev.replaytwin.core.Sha256;
import dev.replaytwin.core.run.ErrorKind;
import dev.replaytwin.core.run.Outcome;
import dev.replaytwin.core.run.OutcomeWriter;
import dev.replaytwin.core.run.RunDirectory;
import dev.replaytwin.core.run.RunManifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Writes a run directory as {@code twin replay} would, for the comparator's benchmark
 * ({@code bench/compare}): N requests over eight endpoints to {@code baseline}, {@code candidate} and
 * {@code baseline2}, with paired log-normal latencies and ~200-byte JSON bodies carrying a timestamp
 * that differs on every response (noise). The candidate is 20% slower on {@code GET /recommendations},
 * renames a field of {@code GET /products/{id}} in 1% of responses and fails 1% of
 * {@code POST /checkout} with a 500, so the comparison has real work and real findings.
 *
 * <pre>{@code
 * bench/run --main CompareRun bench/out/compare-1000000 --requests 1000000 --overwrite
 * }</pre>
 */
public final class CompareRun {
  static final String USAGE = """
      Usage: CompareRun OUT_DIR --requests N [--overwrite]
        --requests N    requests per target
        --overwrite     replace OUT_DIR if it exists""";
  private static final String[] ENDPOINTS = {"GET /search", "GET /products/{id}", "POST /checkout", "GET /cart",
      "POST /cart/items", "GET /users/{id}", "GET /recommendations", "GET /health"};
  private static final String[] TARGETS = {"baseline", "candidate", "baseline2"};
  private static final long T0 = 1_763_700_000_000_000_000L;
  private static final long GAP_NANOS = 100_000; // 10,000 requests a second

  private CompareRun() {}

  public static void main(String[] args) throws IOException {
    OutFileArgs a = OutFileArgs.parse("CompareRun", USAGE, args, "--requests");
    if (a == null) {
      return;
    }
    int requests;
    try {
      requests = Integer.parseInt(a.value("--requests", "0"));
    } catch (NumberFormatException e) {
      throw a.usageError(e.getMessage());
    }
    if (requests < 1) {
      throw a.usageError("--requests: " + requests + " (expected: >= 1)");
    }
    if (a.overwrite() && Files.exists(a.out())) {
      try (Stream<Path> all = Files.walk(a.out())) {
        for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    long began = System.nanoTime();
    a.write(() -> write(a.out(), requests));
    System.out.printf(Locale.ROOT, "%s: %,d requests x %d targets written in %.1f s%n", a.out(), requests,
        TARGETS.length, (System.nanoTime() - began) / 1e9);
  }

  private static void write(Path root, int requests) throws IOException {
    RunDirectory dir = RunDirectory.at(root);
    List<RunManifest.Target> targets = new ArrayList<>();
    for (int t = 0; t < TARGETS.length; t++) {
      SplittableRandom shared = new SplittableRandom(42);
      SplittableRandom own = new SplittableRandom(1000 + t);
      boolean candidate = TARGETS[t].equals("candidate");
      try (OutcomeWriter w = OutcomeWriter.create(dir.outcomes(TARGETS[t]))) {
        for (int i = 0; i < requests; i++) {
          int e = i % ENDPOINTS.length;
          String endpoint = ENDPOINTS[e];
          double requestPart = Math.exp(gaussian(shared) * 0.6);
          double latencyMs = (1 + e) * requestPart * Math.exp(gaussian(own) * 0.05);
          if (candidate && e == 6) {
            latencyMs *= 1.2; // GET /recommendations: a p99 near 28 ms grows by over 5 ms
          }
          boolean failed = candidate && e == 2 && own.nextDouble() < 0.01;
          String field = candidate && e == 1 && own.nextDouble() < 0.01 ? "amount" : "price";
          String body = failed ? "{\"error\":\"internal\"}" : String.format(Locale.ROOT,
              "{\"id\":%d,\"name\":\"item-%03d\",\"%s\":%d.%02d,\"tags\":[\"a\",\"b\"],\"stock\":%d,"
                  + "\"updatedAt\":\"2026-11-22T04:%02d:%02d.%03dZ\",\"requestId\":\"%016x\"}",
              i % 1000, i % 1000, field, i % 97, i % 100, i % 13, (i / 60) % 60, i % 60, own.nextInt(1000),
              own.nextLong());
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          long intended = T0 + i * GAP_NANOS;
          long latency = (long) (latencyMs * 1e6);
          w.append(new Outcome("r" + i, 0, endpoint, endpoint.substring(0, endpoint.indexOf(' ')), intended,
              intended + 40_000, latency, latency - 40_000, failed ? 500 : 200, ErrorKind.NONE, "", bytes.length,
              Sha256.of(bytes), "application/json", Body.wrap(bytes), Headers.of("Content-Type", "application/json",
                  "Content-Length", Integer.toString(bytes.length))));
        }
      }
      targets.add(new RunManifest.Target(TARGETS[t], "http://127.0.0.1:" + (9001 + t), true, requests, requests,
          Map.of(), 0, 0));
    }
    Instant start = Instant.ofEpochSecond(0, T0);
    new RunManifest(RunManifest.VERSION, RunManifest.FINISHED, start.toString(),
        start.plusNanos(requests * GAP_NANOS).toString(), T0,
        new RunManifest.Capture(List.of("bench.twcap"), "bench", "sha256:bench", Map.of(), requests, 0), targets,
        new RunManifest.Schedule("scaled", true, 1, 0, 0, "", "", false, 1, "0/1", Map.of(), false, ""),
        new RunManifest.Health(true, List.of(), 1_000_000, 100_000, 400_000, 900_000, 0, 0, 0, 0, 0, 0, 0),
        Map.of("replaytwin", "bench")).write(dir.manifest());
  }

  /** A standard normal draw (Box–Muller, one of the pair). */
  private static double gaussian(SplittableRandom r) {
    return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
  }

}
