package dev.replaytwin.compare.internal;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.core.Nullable;
import dev.replaytwin.core.run.Outcome;
import dev.replaytwin.core.run.OutcomeReader;
import dev.replaytwin.core.run.TraceIds;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Lines up the outcomes of several targets of one run by request: each {@link #next()} is the row
 * of every target for one (exchange id, loop), {@code null} where a target has none.
 *
 * <p>Each target's rows were written as its responses completed, so the files are in roughly, not
 * exactly, the same order. The join reads next from whichever file is furthest behind in intended
 * time and holds unmatched rows until every file has read past their intended time by
 * {@code windowNanos} (the longest a row can trail its intended time: the replay's timeouts). Memory
 * is bounded by the rows in that window, not by the run's length. Rows intended before
 * {@code measuredFromEpochNanos} (the replay's warm-up) are skipped. Decoding rows is most of the
 * work, so each file is read ahead by a thread of its own, a bounded number of rows at a time.
 *
 * <pre>{@code
 * try (OutcomeJoin join = OutcomeJoin.open(List.of(baseline, candidate), window, t0 + warmup)) {
 *   for (Outcome[] row; (row = join.next()) != null; ) {
 *     Outcome a = row[0], b = row[1];   // either may be null
 *   }
 * }
 * }</pre>
 */
public final class OutcomeJoin implements Closeable {
  private final List<Prefetch> readers;
  private final long windowNanos;
  private final long measuredFrom;
  /** Intended time of the last row read from each file; MAX_VALUE once it has ended. */
  private final long[] frontier;
  private final Map<Key, Outcome[]> pending = new HashMap<>();
  private final PriorityQueue<Held> byIntended = new PriorityQueue<>(Comparator.comparingLong(Held::intended));
  private final ArrayDeque<Outcome[]> ready = new ArrayDeque<>();
  private long skipped;
  private final Set<String> skippedTraces = new HashSet<>();
  private long duplicates;

  private OutcomeJoin(List<Prefetch> readers, long windowNanos, long measuredFrom) {
    this.readers = readers;
    this.windowNanos = windowNanos;
    this.measuredFrom = measuredFrom;
    this.frontier = new long[readers.size()];
    Arrays.fill(frontier, Long.MIN_VALUE);
  }

  /**
   * Opens one outcomes file per target, in the order given; a row's outcomes are in that order.
   *
   * @param windowNanos how long after its intended time a row can have been written
   * @param measuredFromEpochNanos rows intended earlier are skipped ({@link Long#MIN_VALUE} for none)
   */
  public static OutcomeJoin open(List<Path> files, long windowNanos, long measuredFromEpochNanos)
      throws IOException {
    requireNonNull(files, "files");
    if (files.isEmpty()) {
      throw new IllegalArgumentException("files: none (expected: one outcomes file per target)");
    }
    if (windowNanos < 0) {
      throw new IllegalArgumentException("windowNanos: " + windowNanos + " (expected: >= 0)");
    }
    List<OutcomeReader> opened = new ArrayList<>();
    try {
      for (Path f : files) {
        opened.add(OutcomeReader.open(f));
      }
    } catch (IOException | RuntimeException e) {
      for (OutcomeReader r : opened) {
        r.close();
      }
      throw e;
    }
    return new OutcomeJoin(opened.stream().map(Prefetch::start).toList(), windowNanos, measuredFromEpochNanos);
  }

  /** The next request's outcomes, one slot per file, or null when every file is read and matched. */
  public @Nullable Outcome[] next() throws IOException {
    while (ready.isEmpty()) {
      if (pending.isEmpty()) {
        Outcome[] aligned = alignedHeads();
        if (aligned != null) {
          return aligned;
        }
      }
      int behind = furthestBehind();
      if (behind < 0) {
        releaseUntil(Long.MAX_VALUE);
        return ready.poll();
      }
      Outcome o = readers.get(behind).next();
      if (o == null) {
        frontier[behind] = Long.MAX_VALUE;
      } else {
        frontier[behind] = Math.max(frontier[behind], o.intendedEpochNanos());
        hold(behind, o);
      }
      long everyFileAt = Long.MAX_VALUE;
      for (long f : frontier) {
        everyFileAt = Math.min(everyFileAt, f);
      }
      if (everyFileAt != Long.MIN_VALUE) {
        releaseUntil(everyFileAt == Long.MAX_VALUE ? Long.MAX_VALUE : everyFileAt - windowNanos);
      }
    }
    return ready.poll();
  }

  /**
   * The files' next rows when they are all of one request, intended at one time no file has read
   * past, with nothing held: what the hash join would pair next anyway, without holding it. Files
   * written in the same order (the usual case) are joined this way, row after row.
   */
  private @Nullable Outcome[] alignedHeads() throws IOException {
    Outcome first = readers.get(0).peek();
    if (first == null) {
      return null;
    }
    long intended = first.intendedEpochNanos();
    if (intended < measuredFrom) {
      return null;
    }
    for (int i = 0; i < readers.size(); i++) {
      Outcome o = i == 0 ? first : readers.get(i).peek();
      if (o == null || frontier[i] > intended || o.intendedEpochNanos() != intended || o.loop() != first.loop()
          || !o.exchangeId().equals(first.exchangeId())) {
        return null;
      }
    }
    Outcome[] row = new Outcome[readers.size()];
    for (int i = 0; i < row.length; i++) {
      row[i] = readers.get(i).next();
      frontier[i] = intended;
    }
    return row;
  }

  /** Requests read but not yet returned: the join's memory, bounded by the window. */
  public int held() {
    return pending.size() + ready.size();
  }

  /** Rows skipped because they were intended during the warm-up. */
  public long skipped() {
    return skipped;
  }

  /**
   * The trace ids the replayer gave the requests skipped as warm-up ({@link TraceIds#traceId}):
   * what their calls to dependencies were logged with.
   */
  public Set<String> skippedTraceIds() {
    return skippedTraces;
  }

  /** Rows dropped because their file already had a row for the same request. */
  public long duplicates() {
    return duplicates;
  }

  /**
   * Each file's {@link OutcomeReader#fileDigest()}, taken by its reading thread once it read the
   * file to its end; call it after {@link #next()} returned null.
   */
  public Map<Path, String> digests() {
    Map<Path, String> out = new HashMap<>();
    for (Prefetch r : readers) {
      if (r.digest != null) {
        out.put(r.reader.file(), r.digest);
      }
    }
    return out;
  }

  /** True when any file ended inside a row (its replay was killed); the rows before are all read. */
  public boolean truncated() {
    return readers.stream().anyMatch(Prefetch::truncated);
  }

  @Override
  public void close() throws IOException {
    IOException first = null;
    for (Prefetch r : readers) {
      try {
        r.close();
      } catch (IOException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }

  private int furthestBehind() {
    int best = -1;
    for (int i = 0; i < frontier.length; i++) {
      if (frontier[i] != Long.MAX_VALUE && (best < 0 || frontier[i] < frontier[best])) {
        best = i;
      }
    }
    return best;
  }

  private void hold(int file, Outcome o) {
    if (o.intendedEpochNanos() < measuredFrom) {
      skipped++;
      skippedTraces.add(TraceIds.traceId(o.exchangeId(), o.loop()));
      return;
    }
    Key key = new Key(o.exchangeId(), o.loop());
    Outcome[] row = pending.get(key);
    if (row == null) {
      row = new Outcome[readers.size()];
      pending.put(key, row);
      byIntended.add(new Held(key, o.intendedEpochNanos()));
    } else if (row[file] != null) {
      duplicates++;
      return;
    }
    row[file] = o;
    for (Outcome x : row) {
      if (x == null) {
        return;
      }
    }
    pending.remove(key);
    ready.add(row);
  }

  /** Gives up waiting for the missing rows of requests intended before {@code before}. */
  private void releaseUntil(long before) {
    while (!byIntended.isEmpty() && byIntended.peek().intended() < before) {
      Outcome[] row = pending.remove(byIntended.poll().key());
      if (row != null) {
        ready.add(row);
      }
    }
  }

  /** Reads one file ahead on its own thread, in batches, at most {@value #BATCHES} batches ahead. */
  private static final class Prefetch implements Closeable {
    private static final int BATCH = 512;
    private static final int BATCHES = 16;
    private static final List<Outcome> END = List.of();

    private final OutcomeReader reader;
    private final BlockingQueue<List<Outcome>> batches = new ArrayBlockingQueue<>(BATCHES);
    private final Thread thread;
    private volatile @Nullable IOException failure;
    private volatile boolean closed;
    private volatile boolean truncated;
    /** The file's digest, from the bytes read, once it was read to the end. */
    private volatile @Nullable String digest;
    private List<Outcome> current = new ArrayList<>();
    private int next;

    private Prefetch(OutcomeReader reader) {
      this.reader = reader;
      this.thread = new Thread(this::readAll, "twin-compare-read-" + reader.file().getFileName());
      this.thread.setDaemon(true);
    }

    static Prefetch start(OutcomeReader reader) {
      Prefetch p = new Prefetch(reader);
      p.thread.start();
      return p;
    }

    private void readAll() {
      try {
        List<Outcome> batch = new ArrayList<>(BATCH);
        for (Outcome o; !closed && (o = reader.next()) != null; ) {
          batch.add(o);
          if (batch.size() == BATCH) {
            batches.put(batch);
            batch = new ArrayList<>(BATCH);
          }
        }
        truncated = reader.truncated();
        if (!batch.isEmpty()) {
          batches.put(batch);
        }
        if (!closed) {
          // Here, on this thread, the digest costs no second read of the file and no time at the end.
          digest = reader.fileDigest();
        }
      } catch (IOException e) {
        failure = e;
      } catch (RuntimeException e) {
        failure = new IOException(reader.file() + ": " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        try {
          batches.put(END);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    /** The next row of the file, or null at its end. */
    @Nullable Outcome next() throws IOException {
      Outcome o = peek();
      if (o != null) {
        next++;
      }
      return o;
    }

    /** The next row of the file, left to read again, or null at its end. */
    @Nullable Outcome peek() throws IOException {
      while (next == current.size()) {
        if (current == END) {
          return null;
        }
        try {
          current = batches.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new java.io.InterruptedIOException("interrupted while reading " + reader.file());
        }
        next = 0;
        if (current == END) {
          if (failure != null) {
            throw failure;
          }
          return null;
        }
      }
      return current.get(next);
    }

    boolean truncated() {
      return truncated;
    }

    @Override
    public void close() throws IOException {
      closed = true;
      thread.interrupt();
      batches.clear();
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      reader.close();
    }
  }

  private record Key(String exchangeId, int loop) {}

  private record Held(Key key, long intended) {}
}
