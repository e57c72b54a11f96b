package dev.replaytwin.compare.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.replaytwin.compare.Decision;
import dev.replaytwin.compare.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {
  @TempDir
  Path dir;

  @Test
  void writesEveryRequestedFileIntoANewDirectory() throws IOException {
    Path report = dir.resolve("run/report");
    Verdict v = VerdictFixtures.fail(true);

    List<Path> written = Reports.write(v, report, EnumSet.allOf(ReportFormat.class));

    assertThat(written).containsExactly(report.resolve("verdict.json"), report.resolve("summary.md"),
        report.resolve("junit.xml"), report.resolve("index.html"));
    for (ReportFormat f : ReportFormat.values()) {
      assertThat(Files.readString(report.resolve(f.fileName()))).isEqualTo(Reports.render(v, f));
    }
    assertThat(VerdictJson.read(report.resolve("verdict.json"))).isEqualTo(v);
  }

  @Test
  void writesOnlyTheRequestedFiles() throws IOException {
    Reports.write(VerdictFixtures.pass(), dir, ReportFormat.parse("md,junit"));

    assertThat(names()).containsExactlyInAnyOrder("summary.md", "junit.xml");
  }

  @Test
  void rewritingReplacesEveryFileAndLeavesNoTemporaryFiles() throws IOException {
    Reports.write(VerdictFixtures.fail(true), dir, EnumSet.allOf(ReportFormat.class));
    Reports.write(VerdictFixtures.pass(), dir, EnumSet.allOf(ReportFormat.class));

    assertThat(names()).containsExactlyInAnyOrder("verdict.json", "summary.md", "junit.xml", "index.html")
        .noneMatch(n -> n.endsWith(AtomicFiles.TMP_SUFFIX));
    assertThat(VerdictJson.read(dir.resolve("verdict.json")).decision()).isEqualTo(Decision.PASS);
    assertThat(Files.readString(dir.resolve("index.html"))).contains("PASS: all 2 checks passed")
        .doesNotContain(VerdictFixtures.FAIL_HEADLINE);
  }

  @Test
  void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
    Reports.write(VerdictFixtures.pass(), dir, EnumSet.of(ReportFormat.MD));
    String before = Files.readString(dir.resolve("summary.md"));
    // A directory where the file should go makes the final rename fail after the bytes were written.
    Files.createDirectory(dir.resolve("junit.xml"));
    Files.writeString(dir.resolve("junit.xml/keep"), "x");

    assertThatThrownBy(() -> Reports.write(VerdictFixtures.fail(true), dir, EnumSet.of(ReportFormat.JUNIT)))
        .isInstanceOf(IOException.class);

    assertThat(Files.readString(dir.resolve("summary.md"))).isEqualTo(before);
    assertThat(names()).noneMatch(n -> n.endsWith(AtomicFiles.TMP_SUFFIX));
    assertThat(Files.isDirectory(dir.resolve("junit.xml"))).isTrue();
  }

  private List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }
}
