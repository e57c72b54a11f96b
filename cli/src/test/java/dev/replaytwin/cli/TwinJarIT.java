package dev.replaytwin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged {@code twin.jar} and the {@code ./twin} launcher, run as real processes. */
class TwinJarIT {
  private static final Path MODULE = Path.of("").toAbsolutePath();
  private static final Path JAR = MODULE.resolve("target/twin.jar");
  private static final Path LAUNCHER = MODULE.getParent().resolve("twin");

  @TempDir Path dir;

  @Test
  void jarPrintsExchangesAsUtf8AndExitsZero() throws Exception {
    Path capture = TestCaptures.write(dir.resolve("c.twcap"), TestCaptures.numbered(3));

    Result result = run(List.of(java(), "-jar", JAR.toString(), "capture", "cat", capture.toString()), dir);

    assertThat(result.exitCode()).isZero();
    assertThat(result.out().lines()).hasSize(3).allSatisfy(line -> assertThat(line).contains(" → 200 "));
    assertThat(result.err()).isEmpty();
  }

  @Test
  void jarExitsTwoWithOneLineForAMissingFile() throws Exception {
    Result result = run(List.of(java(), "-jar", JAR.toString(), "capture", "stats", "missing.twcap"), dir);

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().lines()).containsExactly("error: missing.twcap: no such capture file (check the path)");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void launcherRunsFromAnyDirectoryAndPassesArgumentsUntouched() throws Exception {
    Path capture = TestCaptures.write(dir.resolve("with space.twcap"), TestCaptures.numbered(5));

    Result result = run(List.of(LAUNCHER.toString(), "capture", "cat", "with space.twcap", "--json", "--limit", "1"),
        dir);

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(JsonValues.parseObject(result.out().strip())).containsEntry("id", "ex-0000");
    assertThat(capture).exists();
  }

  private static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  private static Result run(List<String> command, Path workingDir) throws IOException, InterruptedException {
    Path out = Files.createTempFile("twin-out", ".txt");
    Path err = Files.createTempFile("twin-err", ".txt");
    try {
      Process process = new ProcessBuilder(new ArrayList<>(command)).directory(workingDir.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("did not finish: " + command);
      }
      return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private record Result(int exitCode, String out, String err) {}
}
