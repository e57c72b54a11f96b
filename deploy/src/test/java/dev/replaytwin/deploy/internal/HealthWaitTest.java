package dev.replaytwin.deploy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HealthWaitTest {

  @Test
  void timeoutsReadAsUsersWriteThem() {
    assertThat(HealthWait.describe(Duration.ofSeconds(60))).isEqualTo("60s");
    assertThat(HealthWait.describe(Duration.ofMillis(1500))).isEqualTo("1.5s");
    assertThat(HealthWait.describe(Duration.ofMillis(250))).isEqualTo("250ms");
  }
}
