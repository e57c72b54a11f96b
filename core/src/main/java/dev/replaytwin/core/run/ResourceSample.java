package dev.replaytwin.core.run;

/**
 * One sample of a target's resource use, a line of {@code resources.jsonl}. Counters (CPU and GC
 * time) are cumulative since the target started, so a lost sample loses no time; -1 means "not
 * known" (a Docker container has no GC time, a process on another host no open files).
 *
 * @param epochNanos when the sample was taken
 * @param cpuSeconds CPU time used so far (user + system, children included)
 * @param rssBytes resident memory
 * @param threads threads, or -1
 * @param openFiles open file descriptors, or -1
 * @param gcSeconds time spent in garbage collection so far, or -1
 */
public record ResourceSample(long epochNanos, double cpuSeconds, long rssBytes, int threads, int openFiles,
    double gcSeconds) {
  public ResourceSample {
    if (epochNanos < 0) {
      throw new IllegalArgumentException("epochNanos: " + epochNanos + " (expected: >= 0)");
    }
    if (!(cpuSeconds >= 0) && cpuSeconds != -1) {
      throw new IllegalArgumentException("cpuSeconds: " + cpuSeconds + " (expected: >= 0, or -1 when unknown)");
    }
    if (rssBytes < -1) {
      throw new IllegalArgumentException("rssBytes: " + rssBytes + " (expected: >= 0, or -1 when unknown)");
    }
    if (threads < -1 || openFiles < -1) {
      throw new IllegalArgumentException("threads: " + threads + ", openFiles: " + openFiles
          + " (expected: >= 0, or -1 when unknown)");
    }
    if (!(gcSeconds >= 0) && gcSeconds != -1) {
      throw new IllegalArgumentException("gcSeconds: " + gcSeconds + " (expected: >= 0, or -1 when unknown)");
    }
  }
}
