package dev.replaytwin.junit.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A test's report directory: created when new, emptied when an earlier replay test wrote it (it
 * holds {@value #MARKER}), refused when it holds anything else, so a mistyped {@code reportDir}
 * never deletes someone's files.
 */
public final class ReportDirectory {
  public static final String MARKER = ".replaytwin-junit";

  private ReportDirectory() {}

  /** Makes {@code dir} an empty directory of ours. */
  public static void prepare(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      boolean ours = Files.exists(dir.resolve(MARKER));
      List<Path> entries;
      try (Stream<Path> s = Files.list(dir)) {
        entries = s.toList();
      }
      if (!entries.isEmpty() && !ours) {
        throw new IllegalArgumentException(dir.toAbsolutePath() + ": not empty and not written by a replay test"
            + " (expected: a new or empty directory for the reports; choose another reportDir)");
      }
      for (Path p : entries) {
        delete(p);
      }
    } else if (Files.exists(dir)) {
      throw new IllegalArgumentException(dir.toAbsolutePath() + ": is a file (expected: a directory for the reports)");
    }
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(MARKER), "Written by replaytwin-junit; emptied by the next run of the test.\n");
  }

  private static void delete(Path p) throws IOException {
    if (Files.isDirectory(p) && !Files.isSymbolicLink(p)) {
      List<Path> tree;
      try (Stream<Path> s = Files.walk(p)) {
        tree = s.sorted(Comparator.reverseOrder()).toList();
      }
      for (Path q : tree) {
        Files.deleteIfExists(q);
      }
    } else {
      Files.deleteIfExists(p);
    }
  }
}
