package dev.replaytwin.replay;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.core.run.RunManifest;
import dev.replaytwin.replay.internal.Preflight;
import dev.replaytwin.replay.internal.ReplayRun;
import java.io.IOException;

/**
 * Replays a capture against one or more targets and writes the run directory.
 *
 * <pre>{@code
 * Replay replay = new Replay(options, progress -> System.err.println(progress.dispatched()));
 * Replay.check(options);                  // bad input: one IllegalArgumentException, nothing sent
 * RunManifest run = replay.run();         // blocks until the last response or timeout
 * if (!run.health().valid()) { ... }      // the replayer could not keep time: inconclusive
 * }</pre>
 *
 * <p>{@link #stop} (from a shutdown hook, say) ends the replay early; the run directory is still
 * complete and its manifest says the run was stopped.
 */
public final class Replay {
  private final ReplayRun run;

  public Replay(ReplayOptions options, ReplayListener listener) {
    this.run = new ReplayRun(requireNonNull(options, "options"), requireNonNull(listener, "listener"));
  }

  /**
   * Checks what can be checked before anything is sent: the capture exists, the output directory
   * is new or empty, no target is the capture's production host (unless allowed), {@code startAt}
   * is not past.
   *
   * @throws IllegalArgumentException one line saying what is wrong and what to do
   * @throws IOException the capture cannot be read
   */
  public static void check(ReplayOptions options) throws IOException {
    Preflight.check(options);
  }

  /**
   * Runs the replay to its end (the capture's end, {@code duration}, or {@link #stop}).
   *
   * @return the run's manifest, as written to {@code run.json}
   * @throws IllegalArgumentException as {@link #check}
   * @throws IOException the capture could not be read, or the run directory not written
   */
  public RunManifest run() throws IOException, InterruptedException {
    return run.run();
  }

  /** Ends the replay early; the manifest records {@code reason}. Safe from any thread. */
  public void stop(String reason) {
    run.stop(reason);
  }
}
