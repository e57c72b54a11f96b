package dev.replaytwin.deploy.docker;

import static org.junit.jupiter.api.Assertions.fail;

import dev.replaytwin.deploy.DockerDriver;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Whether the docker ITs run: with an engine they do; without one they fail on CI (CI lost its
 * engine, a real problem) and are skipped elsewhere, saying how to enable them. It decides before
 * each test, not once per class: surefire reports a class aborted in {@code @BeforeAll} as zero
 * tests, and the message saying how to enable them would be lost.
 */
public final class DockerEngineRequirement implements BeforeEachCallback {
  private static Optional<String> problem;
  private static boolean told;

  enum Decision { RUN, FAIL, SKIP }

  @Override
  public void beforeEach(ExtensionContext context) {
    Optional<String> found = problem();
    String ci = System.getenv("CI");
    switch (decide(found, ci)) {
      case RUN -> { }
      case FAIL -> fail(failMessage(found.orElseThrow()));
      case SKIP -> {
        tellOnce(skipMessage(found.orElseThrow()));
        Assumptions.abort(skipMessage(found.orElseThrow()));
      }
    }
  }

  private static synchronized void tellOnce(String message) {
    if (!told) {
      told = true;
      System.err.println("[docker-it] " + message);
    }
  }

  private static synchronized Optional<String> problem() {
    if (problem == null) {
      problem = DockerDriver.engineProblem();
    }
    return problem;
  }

  static Decision decide(Optional<String> problem, String ciVariable) {
    if (problem.isEmpty()) {
      return Decision.RUN;
    }
    boolean ci = ciVariable != null && !ciVariable.isBlank() && !ciVariable.equalsIgnoreCase("false");
    return ci ? Decision.FAIL : Decision.SKIP;
  }

  static String failMessage(String problem) {
    return "CI is set and the docker ITs need a Docker engine: " + problem
        + " (.ci/run installs docker.io and starts dockerd)";
  }

  static String skipMessage(String problem) {
    return "docker ITs skipped: " + problem + ". To run them, install docker.io and start dockerd"
        + " (see docs/docker.md)";
  }
}
