package dev.replaytwin.deploy.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replaytwin.deploy.internal.docker.LocalImageMain;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** build-local.sh's entry point: bad arguments are one line and exit 2, before any build. */
class LocalImageMainTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void namesAMissingJar() throws Exception {
    int code = run("--tag", "twin:local", "--main", "dev.replaytwin.cli.TwinCommand", "--modules", "java.base",
        dir.resolve("twin.jar").toString());

    assertThat(code).isEqualTo(2);
    assertThat(err()).isEqualTo("error: " + dir.resolve("twin.jar") + ": no such jar (build it first)\n");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void namesWhatIsMissingOrUnknown() throws Exception {
    assertThat(run("--tag", "twin:local", "x.jar")).isEqualTo(2);
    assertThat(err()).isEqualTo("error: --tag, --main, --modules and at least one jar are needed\n");
    err.reset();
    assertThat(run("--push")).isEqualTo(2);
    assertThat(err()).startsWith("error: --push: unknown option (expected: --tag,");
    err.reset();
    assertThat(run("--tag")).isEqualTo(2);
    assertThat(err()).isEqualTo("error: --tag needs a value\n");
  }

  @Test
  void passesTheImagesOwnCheckMessages() throws Exception {
    Path jar = Files.writeString(dir.resolve("twin.jar"), "not really a jar");

    int code = run("--tag", "Twin:Local", "--main", "dev.replaytwin.cli.TwinCommand", "--modules", "java.base",
        jar.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err()).startsWith("error: tag: \"Twin:Local\" (expected:").hasLineCount(1);
  }

  private int run(String... args) throws InterruptedException {
    return LocalImageMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
