package dev.replaytwin.compare.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replaytwin.core.Headers;
import dev.replaytwin.core.run.Outcome;
import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Throughput of diffing 1M pairs of ~200-byte JSON bodies, every pair different (no byte-equality
 * short cut): trees already parsed, parse + diff, and {@link ResponseDiffer} on outcomes over all
 * cores. Not a test; run by hand:
 *
 * <pre>
 * java -cp comparator/target/classes:comparator/target/test-classes:core/target/classes:$(deps) \
 *     dev.replaytwin.compare.diff.JsonDiffBench [pairs]
 * </pre>
 */
public final class JsonDiffBench {
  private static final int POOL = 4_096;

  private JsonDiffBench() {}

  public static void main(String[] args) throws IOException {
    int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Random random = new Random(7);
    byte[][] left = new byte[POOL][];
    byte[][] right = new byte[POOL][];
    for (int i = 0; i < POOL; i++) {
      left[i] = body(i, random, false);
      right[i] = body(i, random, i % 5 == 0);
    }
    System.out.printf("bodies: %d bytes on average%n", (left[0].length + left[1].length + left[2].length) / 3);
    ObjectMapper mapper = new ObjectMapper();
    JsonNode[] leftTrees = new JsonNode[POOL];
    JsonNode[] rightTrees = new JsonNode[POOL];
    for (int i = 0; i < POOL; i++) {
      leftTrees[i] = mapper.readTree(left[i]);
      rightTrees[i] = mapper.readTree(right[i]);
    }
    JsonDiffer differ = new JsonDiffer(DiffLimits.DEFAULT);
    ResponseDiffer responses = new ResponseDiffer(List.of("content-type"), DiffLimits.DEFAULT);
    Outcome[] leftOutcomes = new Outcome[POOL];
    Outcome[] rightOutcomes = new Outcome[POOL];
    for (int i = 0; i < POOL; i++) {
      Headers headers = Headers.of("Content-Type", "application/json");
      leftOutcomes[i] = Outcomes.answered("ex-" + i, "GET /items/{id}", 200, "application/json", headers, left[i]);
      rightOutcomes[i] = Outcomes.answered("ex-" + i, "GET /items/{id}", 200, "application/json", headers, right[i]);
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (int round = 0; round < 5; round++) {
      long sink = 0;
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      for (int i = 0; i < pairs; i++) {
        sink += differ.diff(leftTrees[i % POOL], rightTrees[i % POOL]).differences().size();
      }
      long t1 = System.nanoTime();
      long c1 = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < pairs; i++) {
        sink += differ.diff(mapper.readTree(left[i % POOL]), mapper.readTree(right[i % POOL])).differences().size();
      }
      long t2 = System.nanoTime();
      long c2 = threads.getCurrentThreadCpuTime();
      long p2 = os.getProcessCpuTime();
      AtomicLong parallelSink = new AtomicLong();
      IntStream.range(0, pairs).parallel().forEach(i ->
          parallelSink.addAndGet(responses.diff(leftOutcomes[i % POOL], rightOutcomes[i % POOL]).differences().size()));
      long t3 = System.nanoTime();
      long p3 = os.getProcessCpuTime();
      System.out.printf("round %d (wall / CPU s): diff only %.2f / %.2f, parse + diff %.2f / %.2f (1 thread),"
          + " ResponseDiffer %.2f / %.2f (%d threads); %d differences%n", round, (t1 - t0) / 1e9, (c1 - c0) / 1e9,
          (t2 - t1) / 1e9, (c2 - c1) / 1e9, (t3 - t2) / 1e9, (p3 - p2) / 1e9,
          Runtime.getRuntime().availableProcessors(), sink + parallelSink.get());
    }
  }

  /** About 200 bytes; every right body differs (timestamp, request id), one in five also in price and tags. */
  private static byte[] body(int i, Random random, boolean changed) {
    String json = "{\"id\":" + i + ",\"name\":\"Widget " + i + "\",\"price\":" + (changed ? "20.5" : "19.99")
        + ",\"currency\":\"EUR\",\"tags\":" + (changed ? "[\"c\",\"a\",\"b\"]" : "[\"a\",\"b\",\"c\"]")
        + ",\"stock\":{\"warehouse\":\"FRA-1\",\"count\":" + (i % 50) + "},\"updatedAt\":\"2026-11-22T04:"
        + (10 + random.nextInt(50)) + ":03." + (100 + random.nextInt(900)) + "Z\",\"requestId\":\""
        + Long.toHexString(random.nextLong()) + "\"}";
    return json.getBytes(StandardCharsets.UTF_8);
  }
}
