package dev.replaytwin.deploy;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The twins of one run, started in order and stopped together in reverse order: on {@link #close()},
 * when one of them fails to start (those already started are stopped before the exception goes on),
 * and at JVM exit (Ctrl-C, SIGTERM) through one shutdown hook, removed again on close.
 *
 * <pre>{@code
 * try (Twins twins = new Twins(TwinDriver::forSpec)) {
 *   Twin baseline = twins.start(baselineSpec, new TwinContext("baseline", deps, run.targetDir("baseline")));
 *   Twin candidate = twins.start(candidateSpec, new TwinContext("candidate", deps, run.targetDir("candidate")));
 *   …
 * }
 * }</pre>
 */
public final class Twins implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Twins.class);

  private final Function<TwinSpec, TwinDriver> drivers;
  private final List<Twin> started = new ArrayList<>();
  private final Thread shutdownHook;
  private boolean closed;

  /** An empty group; {@code drivers} picks the driver of each spec (e.g. {@code TwinDriver::forSpec}). */
  public Twins(Function<TwinSpec, TwinDriver> drivers) {
    this.drivers = requireNonNull(drivers, "drivers");
    this.shutdownHook = new Thread(this::stopAll, "replaytwin-twins-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts every twin of {@code specs} in iteration order (use an ordered map), each with the
   * context {@code contexts} gives for its name; when one fails, the others are stopped first.
   */
  public static Twins startAll(Map<String, TwinSpec> specs, Function<String, TwinContext> contexts,
      Function<TwinSpec, TwinDriver> drivers) throws DeployException, InterruptedException {
    requireNonNull(specs, "specs");
    requireNonNull(contexts, "contexts");
    Twins twins = new Twins(drivers);
    for (Map.Entry<String, TwinSpec> e : specs.entrySet()) {
      TwinContext context = requireNonNull(contexts.apply(e.getKey()), "context of " + e.getKey());
      if (!context.name().equals(e.getKey())) {
        twins.close();
        throw new IllegalArgumentException("context of " + e.getKey() + ": name " + context.name()
            + " (expected: " + e.getKey() + ")");
      }
      twins.start(e.getValue(), context);
    }
    return twins;
  }

  /**
   * Starts one more twin and adds it to the group. When it fails (or is interrupted), every twin of
   * the group is stopped and the group is closed before the exception goes on.
   */
  public Twin start(TwinSpec spec, TwinContext context) throws DeployException, InterruptedException {
    requireNonNull(spec, "spec");
    requireNonNull(context, "context");
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("twins: closed (expected: an open group to start " + context.name() + " in)");
      }
      if (get(context.name()).isPresent()) {
        throw new IllegalArgumentException("twin name: " + context.name() + " (expected: unique in the run)");
      }
    }
    boolean ok = false;
    try {
      Twin twin = drivers.apply(spec).start(spec, context);
      synchronized (this) {
        started.add(twin);
        ok = !closed; // closed meanwhile by the shutdown hook: this one goes too
      }
      if (!ok) {
        twin.close();
        throw new InterruptedException("twins: stopped while " + context.name() + " was starting");
      }
      return twin;
    } finally {
      if (!ok) {
        close();
      }
    }
  }

  /** The twins started so far, in start order. */
  public synchronized List<Twin> all() {
    return List.copyOf(started);
  }

  public synchronized Optional<Twin> get(String name) {
    return started.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /**
   * Stops every twin, the last started first, and empties the group; a failure to stop one does not
   * keep the others running.
   */
  @Override
  public void close() {
    stopAll();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down; the hook is running or has run.
    }
  }

  private void stopAll() {
    List<Twin> toStop;
    synchronized (this) {
      closed = true;
      toStop = new ArrayList<>(started);
      started.clear();
    }
    for (int i = toStop.size() - 1; i >= 0; i--) {
      Twin twin = toStop.get(i);
      try {
        twin.close();
      } catch (RuntimeException e) {
        log.debug("stopping {} failed", twin.name(), e);
      }
    }
  }
}
