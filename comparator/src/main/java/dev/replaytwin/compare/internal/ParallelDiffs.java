package dev.replaytwin.compare.internal;

import dev.replaytwin.compare.diff.NoiseCanceller;
import dev.replaytwin.compare.diff.ResponseDiff;
import dev.replaytwin.compare.diff.ResponseDiffer;
import dev.replaytwin.core.Nullable;
import dev.replaytwin.core.run.Outcome;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Diffs paired responses on all cores but one: parsing bodies is much of a comparison's work. Pairs are
 * handed over in batches, at most a few batches per core in flight (so memory stays bounded). Each
 * batch's diffs are counted on the worker that made them, into a {@link NoiseCanceller.Batch}, and
 * those are added to the canceller on the caller's thread in batch order: the same counts as adding
 * every diff there, without the caller touching each one.
 */
final class ParallelDiffs implements AutoCloseable {
  private static final int BATCH = 512;

  private record Pair(Outcome baseline, Outcome candidate, @Nullable Outcome noise) {}

  private final ResponseDiffer differ;
  private final NoiseCanceller canceller;
  private final ExecutorService workers;
  private final int maxInFlight;
  private final ArrayDeque<Future<NoiseCanceller.Batch>> inFlight = new ArrayDeque<>();
  private List<Pair> batch = new ArrayList<>(BATCH);

  ParallelDiffs(ResponseDiffer differ, NoiseCanceller canceller) {
    this.differ = differ;
    this.canceller = canceller;
    int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
    // One core fewer than there are: the reading threads and the pairing thread need the rest, and on
    // two cores one diffing thread keeps up with them using less CPU than two contending (4.0
    // against 5.0 CPU s of diffing for a million requests, from /proc, four runs each).
    this.workers = Executors.newFixedThreadPool(Math.max(1, cores - 1), r -> {
      Thread t = new Thread(r, "twin-compare-diff");
      t.setDaemon(true);
      return t;
    });
    this.maxInFlight = 4 * cores;
  }

  void add(Outcome baseline, Outcome candidate, @Nullable Outcome noise) throws InterruptedIOException {
    batch.add(new Pair(baseline, candidate, noise));
    if (batch.size() == BATCH) {
      submit();
    }
  }

  /** Waits for every diff handed over and counts it. */
  void finish() throws InterruptedIOException {
    if (!batch.isEmpty()) {
      submit();
    }
    while (!inFlight.isEmpty()) {
      count(inFlight.poll());
    }
  }

  private void submit() throws InterruptedIOException {
    List<Pair> pairs = batch;
    batch = new ArrayList<>(BATCH);
    inFlight.add(workers.submit(() -> diff(pairs)));
    while (inFlight.size() > maxInFlight) {
      count(inFlight.poll());
    }
  }

  private NoiseCanceller.Batch diff(List<Pair> pairs) {
    NoiseCanceller.Batch counted = canceller.newBatch();
    for (Pair p : pairs) {
      if (p.noise() == null) {
        counted.add(differ.diff(p.baseline(), p.candidate()), null);
      } else {
        List<ResponseDiff> d = differ.diff(p.baseline(), List.of(p.candidate(), p.noise()));
        counted.add(d.get(0), d.get(1));
      }
    }
    return counted;
  }

  private void count(Future<NoiseCanceller.Batch> f) throws InterruptedIOException {
    try {
      canceller.addAll(f.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while diffing responses");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }
}
