package dev.replaytwin.compare.internal;

import dev.replaytwin.compare.Verdict;
import dev.replaytwin.core.run.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Latency p99 and failure rate over the run's time, per target, in buckets of at least a second and
 * at most {@value #MAX_BUCKETS} of them, for the report's time charts.
 */
final class SeriesTally {
  static final int MAX_BUCKETS = 600;

  private final long t0;
  private final long bucketNanos;
  private final List<String> targets;
  private final List<TreeMap<Long, Bucket>> byTarget = new ArrayList<>();
  private final Bucket[] lastBucket;
  private final long[] lastIndex;

  private static final class Bucket {
    final Histogram latency = new Histogram(2);
    long requests;
    long failed;
  }

  SeriesTally(long t0EpochNanos, long spanNanos, List<String> targets) {
    this.t0 = t0EpochNanos;
    this.bucketNanos = Math.max(1_000_000_000L, (spanNanos / MAX_BUCKETS / 1_000_000_000L + 1) * 1_000_000_000L);
    this.targets = targets;
    this.lastBucket = new Bucket[targets.size()];
    this.lastIndex = new long[targets.size()];
    for (int i = 0; i < targets.size(); i++) {
      byTarget.add(new TreeMap<>());
    }
  }

  void add(int target, Outcome o) {
    long bucket = Math.max(0, (o.intendedEpochNanos() - t0) / bucketNanos);
    // Rows come roughly in time order, so most land in the bucket the last one did.
    Bucket b = lastBucket[target];
    if (b == null || lastIndex[target] != bucket) {
      b = byTarget.get(target).computeIfAbsent(bucket, k -> new Bucket());
      lastBucket[target] = b;
      lastIndex[target] = bucket;
    }
    b.requests++;
    if (EndpointTally.failed(o)) {
      b.failed++;
    } else if (o.latencyNanos() >= 0) {
      b.latency.recordValue(Math.max(1, o.latencyNanos()));
    }
  }

  List<Verdict.Series> series() {
    List<Verdict.Series> out = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      List<Double> at = new ArrayList<>();
      List<Double> p99 = new ArrayList<>();
      List<Double> errors = new ArrayList<>();
      for (var e : byTarget.get(i).entrySet()) {
        Bucket b = e.getValue();
        at.add((e.getKey() + 1) * bucketNanos / 1e9);
        p99.add(b.latency.getTotalCount() == 0 ? 0 : b.latency.getValueAtPercentile(99) / 1e6);
        errors.add(100.0 * b.failed / b.requests);
      }
      out.add(new Verdict.Series(targets.get(i), "latency p99", "ms", at, p99));
      out.add(new Verdict.Series(targets.get(i), "error rate", "%", at, errors));
    }
    return out;
  }
}
