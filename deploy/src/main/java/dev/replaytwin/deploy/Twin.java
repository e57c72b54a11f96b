package dev.replaytwin.deploy;

import dev.replaytwin.core.run.ResourceSample;
import java.net.URI;
import java.util.Optional;

/**
 * A started, healthy twin. Closing it stops it (a process or container is stopped and waited for;
 * an external twin is only let go); closing twice is harmless.
 */
public interface Twin extends AutoCloseable {

  /** The name it was started under: {@code baseline}, {@code candidate}, {@code baseline2}… */
  String name();

  /** Where the replayer sends its requests, e.g. {@code http://127.0.0.1:41873}. */
  URI baseUrl();

  /**
   * One resource sample taken now. Fields the driver cannot know are -1 (see
   * {@link ResourceSample}); never throws for a twin that is merely slow to answer.
   */
  ResourceSample sample();

  /** Present once the twin has ended on its own (crashed, exited), with its exit code and last log lines. */
  Optional<TwinExit> exited();

  /** Stops the twin and everything it started. */
  @Override
  void close();
}
