package dev.replaytwin.scenario.internal;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;

/**
 * A scenario's report directory, emptied of the previous run's files before a new run. Only what a
 * run writes is removed; a directory holding anything else is refused, so a mistyped
 * {@code report.dir} cannot delete someone's files.
 */
public final class ReportDirectory {
  /** What a scenario run writes there. */
  static final List<String> OURS = List.of("run", "twins", "stubs", "scenario.json", "scenario.json.tmp",
      "verdict.json", "summary.md", "junit.xml", "index.html");

  private ReportDirectory() {}

  /**
   * Creates {@code dir}, or empties it of a previous run.
   *
   * @throws IllegalArgumentException when it holds files no run wrote
   */
  public static void prepare(Path dir) throws IOException {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new IllegalArgumentException(dir + ": not a directory (expected: a report directory)");
    }
    Files.createDirectories(dir);
    List<Path> present;
    try (Stream<Path> s = Files.list(dir)) {
      present = s.toList();
    }
    List<String> foreign = present.stream().map(p -> p.getFileName().toString()).filter(n -> !OURS.contains(n))
        .sorted().toList();
    if (!foreign.isEmpty()) {
      throw new IllegalArgumentException(dir + ": holds files a scenario run did not write (" + String.join(", ",
          foreign.subList(0, Math.min(3, foreign.size()))) + (foreign.size() > 3 ? ", …" : "")
          + "); choose an empty or new report directory (report.dir, --report-dir)");
    }
    for (Path p : present) {
      delete(p);
    }
  }

  private static void delete(Path p) throws IOException {
    if (!Files.isDirectory(p)) {
      Files.deleteIfExists(p);
      return;
    }
    Files.walkFileTree(p, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.delete(d);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
