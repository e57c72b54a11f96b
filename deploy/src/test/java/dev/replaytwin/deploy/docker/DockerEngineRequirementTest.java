package dev.replaytwin.deploy.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replaytwin.deploy.docker.DockerEngineRequirement.Decision;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DockerEngineRequirementTest {
  private static final Optional<String> MISSING = Optional.of("no Docker engine answers at unix:///var/run/docker.sock");

  @Test
  void runsWhenTheEngineAnswersWhereverItIs() {
    assertThat(DockerEngineRequirement.decide(Optional.empty(), "true")).isEqualTo(Decision.RUN);
    assertThat(DockerEngineRequirement.decide(Optional.empty(), null)).isEqualTo(Decision.RUN);
  }

  @Test
  void failsOnCiWithoutAnEngine() {
    assertThat(DockerEngineRequirement.decide(MISSING, "true")).isEqualTo(Decision.FAIL);
    assertThat(DockerEngineRequirement.decide(MISSING, "1")).isEqualTo(Decision.FAIL);
  }

  @Test
  void skipsOnALaptopWithoutAnEngine() {
    assertThat(DockerEngineRequirement.decide(MISSING, null)).isEqualTo(Decision.SKIP);
    assertThat(DockerEngineRequirement.decide(MISSING, "")).isEqualTo(Decision.SKIP);
    assertThat(DockerEngineRequirement.decide(MISSING, "false")).isEqualTo(Decision.SKIP);
  }

  @Test
  void messagesSayWhatIsWrongAndHowToEnableTheTests() {
    assertThat(DockerEngineRequirement.skipMessage(MISSING.get()))
        .contains("no Docker engine answers", "install docker.io and start dockerd", "docs/docker.md");
    assertThat(DockerEngineRequirement.failMessage(MISSING.get())).contains("CI", "no Docker engine answers");
  }
}
