package dev.replaytwin.replay.internal;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One session on one target: its requests go out one at a time in captured order, and the values
 * its responses handed out (captured value → this target's live value) are substituted into its
 * later requests. Touched by the dispatcher thread and by event loops, so every method locks.
 */
final class Session {
  /** Requests of one session queued behind a slow one before more are dropped. */
  static final int MAX_WAITING = 10_000;

  private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
  private final Map<String, String> substitutions = new LinkedHashMap<>();
  private boolean busy;

  /**
   * Claims the session for {@code send}, or queues it behind the request in flight.
   *
   * @return 1 when the caller must run {@code send} now, 0 when it was queued, -1 when the queue
   *     is full and the request must be dropped
   */
  synchronized int enter(Runnable send) {
    if (!busy) {
      busy = true;
      return 1;
    }
    if (waiting.size() >= MAX_WAITING) {
      return -1;
    }
    waiting.add(send);
    return 0;
  }

  /** Ends the request in flight; returns the next one to send, or null when the session is idle. */
  synchronized Runnable leave() {
    Runnable next = waiting.poll();
    busy = next != null;
    return next;
  }

  synchronized boolean idle() {
    return !busy && waiting.isEmpty();
  }

  synchronized void learn(String captured, String live) {
    substitutions.put(captured, live);
  }

  /** Captured value → live value, in the order learned; a copy. */
  synchronized Map<String, String> substitutions() {
    return substitutions.isEmpty() ? Map.of() : new LinkedHashMap<>(substitutions);
  }

  /**
   * Sessions by key for one target, least recently used first. Only the dispatcher thread calls
   * {@link #get}; past {@code capacity} sessions, idle ones are forgotten oldest first.
   */
  static final class Table {
    private final int capacity;
    private final LinkedHashMap<String, Session> sessions = new LinkedHashMap<>(1024, 0.75f, true);

    Table(int capacity) {
      this.capacity = capacity;
    }

    Session get(String key) {
      Session s = sessions.computeIfAbsent(key, k -> new Session());
      if (sessions.size() > capacity) {
        var it = sessions.values().iterator();
        for (int i = 0; i < 16 && it.hasNext() && sessions.size() > capacity; i++) {
          Session oldest = it.next();
          if (oldest != s && oldest.idle()) {
            it.remove();
          }
        }
      }
      return s;
    }

    int size() {
      return sessions.size();
    }
  }
}
