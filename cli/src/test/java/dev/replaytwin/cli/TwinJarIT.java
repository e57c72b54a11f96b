package dev.replaytwin.cli;

import static dev.replaytwin.cli.ProcessRun.TWIN_JAR;
import static dev.replaytwin.cli.ProcessRun.java;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged {@code twin.jar} and the {@code ./twin} launcher, run as real processes. */
class TwinJarIT {
  private static final Path LAUNCHER = ProcessRun.ROOT.resolve("twin");

  @TempDir Path dir;

  @Test
  void jarPrintsExchangesAsUtf8AndExitsZero() throws Exception {
    Path capture = TestCaptures.write(dir.resolve("c.twcap"), TestCaptures.numbered(3));

    ProcessRun result = run(List.of(java(), "-jar", TWIN_JAR.toString(), "capture", "cat", capture.toString()), dir);

    assertThat(result.exitCode()).isZero();
    assertThat(result.out().lines()).hasSize(3).allSatisfy(line -> assertThat(line).contains(" → 200 "));
    assertThat(result.err()).isEmpty();
  }

  @Test
  void jarExitsTwoWithOneLineForAMissingFile() throws Exception {
    ProcessRun result = run(List.of(java(), "-jar", TWIN_JAR.toString(), "capture", "stats", "missing.twcap"), dir);

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().lines()).containsExactly("error: missing.twcap: no such capture file (check the path)");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void launcherRunsFromAnyDirectoryAndPassesArgumentsUntouched() throws Exception {
    Path capture = TestCaptures.write(dir.resolve("with space.twcap"), TestCaptures.numbered(5));

    ProcessRun result = run(List.of(LAUNCHER.toString(), "capture", "cat", "with space.twcap", "--json", "--limit", "1"),
        dir);

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(JsonValues.parseObject(result.out().strip())).containsEntry("id", "ex-0000");
    assertThat(capture).exists();
  }

  private static ProcessRun run(List<String> command, Path workingDir) throws IOException, InterruptedException {
    return ProcessRun.run(command, workingDir, Map.of(), Duration.ofMinutes(5));
  }
}
