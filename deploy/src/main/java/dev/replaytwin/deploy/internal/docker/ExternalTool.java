package dev.replaytwin.deploy.internal.docker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One run of a command-line tool (jlink, ldd), bounded in time, its output kept for error reports. */
record ExternalTool(List<String> command, Map<String, String> env, Duration timeout) {

  /** How a run ended: the exit code (-1 when it timed out) and stdout and stderr together. */
  record Result(int exitCode, String output) {
    boolean ok() {
      return exitCode == 0;
    }
  }

  Result run() throws IOException, InterruptedException {
    Path output = Files.createTempFile("replaytwin-tool", ".txt");
    try {
      ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
          .redirectOutput(output.toFile());
      builder.environment().putAll(env);
      Process process = builder.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        return new Result(-1, Files.readString(output, StandardCharsets.UTF_8) + "\n(killed after " + timeout + ")");
      }
      return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(output);
    }
  }
}
