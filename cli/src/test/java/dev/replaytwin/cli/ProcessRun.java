package dev.replaytwin.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of a command as a real process, its output captured: the packaged {@code twin.jar}, the
 * {@code ./twin} launcher, {@code docker}. {@link CliRun} is the in-process counterpart. The jar
 * ITs run after {@code package}, in the cli module's directory.
 *
 * @param exitCode the process's exit code
 * @param out everything written to stdout
 * @param err everything written to stderr
 */
public record ProcessRun(int exitCode, String out, String err) {
  /** The cli module's directory, where Maven runs its tests. */
  public static final Path MODULE = Path.of("").toAbsolutePath();
  /** The source tree's root: the launcher, {@code deploy/docker/}, {@code examples/}. */
  public static final Path ROOT = MODULE.getParent();
  /** The shaded jar {@code package} builds. */
  public static final Path TWIN_JAR = MODULE.resolve("target/twin.jar");

  /** The java command running this test, so the jar runs on the JDK under test. */
  public static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  /** Runs {@code command} in {@code dir} with {@code env} added, for up to {@code timeout}. */
  public static ProcessRun run(List<String> command, Path dir, Map<String, String> env, Duration timeout)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile("process-run-out", ".txt");
    Path err = Files.createTempFile("process-run-err", ".txt");
    try {
      ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().putAll(env);
      Process process = builder.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("did not finish in " + timeout + ": " + command);
      }
      return new ProcessRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
