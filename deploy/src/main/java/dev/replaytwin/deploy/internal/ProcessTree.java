package dev.replaytwin.deploy.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A process and its descendants: listing the live ones, and stopping all of them. */
public final class ProcessTree {
  private static final Logger log = LoggerFactory.getLogger(ProcessTree.class);
  private static final Duration KILL_WAIT = Duration.ofSeconds(5);

  private ProcessTree() {
  }

  /** {@code root}, when alive, then its live descendants. */
  public static List<ProcessHandle> live(ProcessHandle root) {
    List<ProcessHandle> tree = new ArrayList<>();
    if (root.isAlive()) {
      tree.add(root);
    }
    try (Stream<ProcessHandle> descendants = root.descendants()) {
      descendants.filter(ProcessHandle::isAlive).forEach(tree::add);
    }
    return tree;
  }

  /**
   * Asks the whole tree to stop (SIGTERM, deepest descendants first, the root last), waits up to
   * {@code grace}, then kills whatever is left (SIGKILL) and waits a little more. The descendants are
   * listed before anyone is signalled: once the root is gone, its orphans are no longer its
   * descendants. Safe to call again and on a tree that is already gone. The waits are bounded and
   * not cut short by an interrupt (teardown must finish on Ctrl-C too); the interrupt is kept.
   *
   * @return true when every process of the tree is gone
   */
  public static boolean stop(ProcessHandle root, Duration grace) {
    List<ProcessHandle> deepestFirst = live(root);
    Collections.reverse(deepestFirst);
    Set<ProcessHandle> tree = new LinkedHashSet<>(deepestFirst);
    tree.add(root);
    tree.forEach(ProcessHandle::destroy);
    AtomicBoolean interrupted = new AtomicBoolean(Thread.interrupted());
    try {
      if (awaitAll(tree, grace, interrupted)) {
        return true;
      }
      // A process may have started children while shutting down; they go too.
      if (root.isAlive()) {
        try (Stream<ProcessHandle> late = root.descendants()) {
          late.forEach(tree::add);
        }
      }
      List<ProcessHandle> stubborn = tree.stream().filter(ProcessHandle::isAlive).toList();
      log.debug("{} process(es) of pid {} still running after {}, killing", stubborn.size(), root.pid(), grace);
      stubborn.forEach(ProcessHandle::destroyForcibly);
      return awaitAll(stubborn, KILL_WAIT, interrupted);
    } finally {
      if (interrupted.get()) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static boolean awaitAll(Iterable<ProcessHandle> processes, Duration timeout, AtomicBoolean interrupted) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (ProcessHandle p : processes) {
      while (p.isAlive()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          p.onExit().get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
          return false;
        } catch (ExecutionException e) {
          log.debug("waiting for pid {}: {}", p.pid(), e.toString());
          break;
        } catch (InterruptedException e) {
          interrupted.set(true);
        }
      }
    }
    return true;
  }
}
