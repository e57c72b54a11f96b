package dev.replaytwin.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportDirectoryTest {
  @TempDir
  Path tmp;

  @Test
  void aDirectoryAnEarlierRunWroteIsEmptied() throws Exception {
    Path dir = tmp.resolve("a/b");
    ReportDirectory.prepare(dir);
    Files.createDirectories(dir.resolve("run/targets/candidate"));
    Files.writeString(dir.resolve("run/targets/candidate/outcomes.jsonl.zst"), "x");
    Files.writeString(dir.resolve("verdict.json"), "{}");

    ReportDirectory.prepare(dir);

    try (var s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly(ReportDirectory.MARKER);
    }
  }

  @Test
  void someoneElsesFilesAreNeverDeleted() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("mine"));
    Files.writeString(dir.resolve("notes.txt"), "mine");

    assertThatThrownBy(() -> ReportDirectory.prepare(dir)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not empty and not written by a replay test");
    assertThat(dir.resolve("notes.txt")).hasContent("mine");
  }
}
