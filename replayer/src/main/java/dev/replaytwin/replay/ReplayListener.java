package dev.replaytwin.replay;

/** Hears about a replay as it runs; called from the replay's logging thread, so it must be quick. */
@FunctionalInterface
public interface ReplayListener {
  ReplayListener NONE = p -> {};

  void onProgress(ReplayProgress progress);
}
