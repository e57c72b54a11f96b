package dev.replaytwin.deploy.stubs.internal;

import dev.replaytwin.core.run.CallLog;
import dev.replaytwin.core.run.DependencyCall;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every call one twin's simulators served, in the order the calls arrived, shared by the
 * simulators of all its dependencies. A proxied call's status is known only once the real
 * dependency answered, so its row is completed then.
 */
public final class CallJournal {
  private final int maxKept;
  private final List<Row> rows = new ArrayList<>();
  private final Map<UUID, Row> awaitingStatus = new ConcurrentHashMap<>();
  private final Map<String, Long> unmatched = new TreeMap<>();
  private long dropped;
  private int written;

  public CallJournal(int maxKept) {
    this.maxKept = maxKept;
  }

  /** A call that arrived; {@code status} -1 when the response comes from elsewhere (a proxy). */
  public void arrived(UUID id, DependencyCall call, int status) {
    Row row = new Row(call, status);
    synchronized (this) {
      if (!call.matched()) {
        unmatched.merge(call.dependency(), 1L, Long::sum);
      }
      if (rows.size() >= maxKept) {
        dropped++;
        return;
      }
      rows.add(row);
    }
    if (status < 0) {
      awaitingStatus.put(id, row);
    }
  }

  /** The response to call {@code id} was sent with {@code status}. */
  public void completed(UUID id, int status) {
    Row row = awaitingStatus.remove(id);
    if (row != null) {
      row.status = status;
    }
  }

  /** Counts a dependency with no unmatched calls yet, so it shows as 0. */
  public synchronized void register(String dependency) {
    unmatched.putIfAbsent(dependency, 0L);
  }

  public synchronized Map<String, Long> unmatched() {
    return Map.copyOf(unmatched);
  }

  /** Calls not kept because {@code maxKept} were kept already. */
  public synchronized long dropped() {
    return dropped;
  }

  public synchronized List<DependencyCall> calls() {
    return rows.stream().map(Row::call).toList();
  }

  /** Appends the calls not written yet to {@code file}. */
  public synchronized void writeTo(Path file) throws IOException {
    try (CallLog log = CallLog.append(file)) {
      for (; written < rows.size(); written++) {
        log.write(rows.get(written).call());
      }
    }
  }

  private static final class Row {
    private final DependencyCall arrived;
    private volatile int status;

    Row(DependencyCall arrived, int status) {
      this.arrived = arrived;
      this.status = status;
    }

    DependencyCall call() {
      int s = status < 0 ? 0 : status;
      DependencyCall c = arrived;
      return new DependencyCall(c.epochNanos(), c.dependency(), c.method(), c.path(), c.endpoint(), s, c.traceId(),
          c.matched(), c.fault());
    }
  }
}
