package dev.replaytwin.scenario;

import dev.replaytwin.replay.ReplayListener;

/** What a running scenario reports: each phase as it starts, and the replay's progress. */
public interface ScenarioListener extends ReplayListener {
  /** A phase starts, e.g. {@code starting candidate (process)}. */
  void phase(String text);

  /** Something worth a line that is not a phase, e.g. a twin's last output when it died. */
  default void note(String text) {}
}
