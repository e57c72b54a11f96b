package dev.replaytwin.replay.internal;

import dev.replaytwin.core.capture.CaptureFiles;
import dev.replaytwin.core.run.RunDirectory;
import dev.replaytwin.replay.ReplayOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** What is checked before a replay sends anything; each problem is one line saying what to do. */
public final class Preflight {
  private Preflight() {}

  /**
   * @throws IllegalArgumentException for a combination that cannot run
   * @throws IOException when the capture cannot be read (missing, corrupt header)
   */
  public static List<Path> check(ReplayOptions options) throws IOException {
    new RequestFilter(options);
    List<Path> files = CaptureFiles.resolve(options.capture());
    if (files.isEmpty()) {
      throw new NoSuchFileException(options.capture().toString(), null, "no such capture file or segments");
    }
    Path out = options.out();
    if (Files.isRegularFile(out)) {
      throw new IllegalArgumentException("out: " + out + " is a file (expected: a new or empty directory for the run)");
    }
    if (Files.isDirectory(out)) {
      if (Files.exists(RunDirectory.at(out).manifest())) {
        throw new IllegalArgumentException("out: " + out + " already holds a run (expected: a new or empty"
            + " directory; runs are never overwritten)");
      }
      try (Stream<Path> entries = Files.list(out)) {
        if (entries.findAny().isPresent()) {
          throw new IllegalArgumentException("out: " + out + " is not empty (expected: a new or empty directory"
              + " for the run)");
        }
      }
    }
    if (options.startAt() != null && options.startAt().isBefore(Instant.now().minusSeconds(1))) {
      throw new IllegalArgumentException("start-at: " + options.startAt() + " is in the past (expected: a time"
          + " a few seconds ahead, the same for every shard)");
    }
    ProductionGuard.check(options);
    return files;
  }
}
