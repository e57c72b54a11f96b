package dev.replaytwin.deploy;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * How a twin ended when nobody asked it to: its exit code (-1 when not known) and the last lines
 * it printed, for the one-line report and the run directory.
 */
public record TwinExit(String name, int exitCode, List<String> lastLines) {
  public TwinExit {
    requireNonNull(name, "name");
    lastLines = List.copyOf(requireNonNull(lastLines, "lastLines"));
  }

  /** "candidate exited with code 137; last output: …". */
  public String describe() {
    String tail = lastLines.isEmpty() ? "no output" : "last output:\n  " + String.join("\n  ", lastLines);
    return name + " exited with code " + exitCode + "; " + tail;
  }
}
