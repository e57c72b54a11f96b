package dev.replaytwin.cli.docker;

import static dev.replaytwin.cli.ProcessRun.ROOT;
import static dev.replaytwin.cli.ProcessRun.TWIN_JAR;
import static dev.replaytwin.cli.ProcessRun.java;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.replaytwin.cli.ProcessRun;
import dev.replaytwin.deploy.DockerDriver;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The twin image built offline by {@code deploy/docker/build-local.sh} from the packaged
 * {@code twin.jar}: FROM scratch, a runtime jlinked from the JDK running this test. It runs here,
 * after {@code package}, because the image needs the shaded jar. Like the deploy module's docker
 * ITs, it fails on CI without a Docker engine and is skipped elsewhere; it decides before each test,
 * as surefire reports a class aborted in {@code @BeforeAll} as zero tests, without the reason.
 */
class TwinImageIT {
  private static final String TAG = "replaytwin-it/twin:" + UUID.randomUUID().toString().substring(0, 8);
  private static boolean built;

  @BeforeEach
  void requireDockerAndTheImage() throws Exception {
    requireDocker();
    buildImageOnce();
  }

  private static synchronized void buildImageOnce() throws Exception {
    if (built) {
      return;
    }
    assertThat(TWIN_JAR).as("the shaded jar (./mvnw package -pl cli -am builds it)").isRegularFile();
    long start = System.nanoTime();
    ProcessRun result = run(List.of("bash", ROOT.resolve("deploy/docker/build-local.sh").toString(), TAG), ROOT,
        Map.of("JAVA_HOME", System.getProperty("java.home"), "TWIN_JAR", TWIN_JAR.toString()));
    System.out.printf(Locale.ROOT, "[docker-it] build-local.sh %.1f s: %s", (System.nanoTime() - start) / 1e9,
        result.out());
    assertThat(result.exitCode()).as(result.err()).isZero();
    built = true;
  }

  @AfterAll
  static void removeImage() throws Exception {
    if (built) {
      run(List.of("docker", "rmi", TAG), ROOT, Map.of());
    }
  }

  @Test
  void printsTheSameVersionAsTheJar() throws Exception {
    ProcessRun inImage = run(List.of("docker", "run", "--rm", TAG, "--version"), ROOT, Map.of());
    ProcessRun onHost = run(List.of(java(), "-jar", TWIN_JAR.toString(), "--version"), ROOT, Map.of());

    assertThat(inImage.exitCode()).as(inImage.err()).isZero();
    assertThat(inImage.err()).isEmpty();
    assertThat(inImage.out().lines().findFirst()).isEqualTo(onHost.out().lines().findFirst())
        .hasValueSatisfying(line -> assertThat(line).startsWith("twin "));
  }

  @Test
  void readsACaptureInTheWorkDirectoryWithItsNativeDecompressor() throws Exception {
    Path examples = ROOT.resolve("examples");
    List<String> stats = List.of("capture", "stats", "shop-sample.twcap");
    List<String> docker = new ArrayList<>(List.of("docker", "run", "--rm", "-v", examples + ":/work:ro", TAG));
    docker.addAll(stats);
    List<String> host = new ArrayList<>(List.of(java(), "-jar", TWIN_JAR.toString()));
    host.addAll(stats);

    ProcessRun inImage = run(docker, ROOT, Map.of());
    ProcessRun onHost = run(host, examples, Map.of());

    assertThat(onHost.exitCode()).as(onHost.err()).isZero();
    assertThat(inImage.exitCode()).as(inImage.err()).isZero();
    assertThat(inImage.out()).isEqualTo(onHost.out());
  }

  /** An engine and the docker command, or a failure on CI, or a skip saying how to enable this. */
  private static void requireDocker() throws InterruptedException {
    Optional<String> problem = DockerDriver.engineProblem();
    if (problem.isEmpty()) {
      try {
        ProcessRun version = run(List.of("docker", "version", "--format", "{{.Client.Version}}"), ROOT, Map.of());
        problem = version.exitCode() == 0 ? Optional.empty()
            : Optional.of("the docker command fails: " + version.err().strip());
      } catch (IOException e) {
        problem = Optional.of("no docker command on the PATH");
      }
    }
    if (problem.isEmpty()) {
      return;
    }
    String ci = System.getenv("CI");
    if (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")) {
      fail("CI is set and the twin image IT needs Docker: " + problem.get()
          + " (.ci/run installs docker.io and starts dockerd)");
    }
    Assumptions.abort("twin image IT skipped: " + problem.get()
        + ". To run it, install docker.io and start dockerd (see docs/docker.md)");
  }

  private static ProcessRun run(List<String> command, Path dir, Map<String, String> env)
      throws IOException, InterruptedException {
    return ProcessRun.run(command, dir, env, Duration.ofMinutes(10));
  }
}
