package dev.replaytwin.deploy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replaytwin.deploy.TwinSpec;
import java.net.URI;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HealthWaitTest {

  @Test
  void timeoutsReadAsUsersWriteThem() {
    assertThat(HealthWait.describe(Duration.ofSeconds(60))).isEqualTo("60s");
    assertThat(HealthWait.describe(Duration.ofMillis(1500))).isEqualTo("1.5s");
    assertThat(HealthWait.describe(Duration.ofMillis(250))).isEqualTo("250ms");
  }

  @Test
  void aTwinAlreadyEndedEndsTheWaitWithItsCodeBeforeAnyRequest() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    // Port 9 on loopback: nothing is sent, since the twin is gone before the first GET.
    HealthWait.Result result = HealthWait.await(URI.create("http://127.0.0.1:9/health"), TwinSpec.Health.DEFAULT,
        () -> {
          asked.incrementAndGet();
          return OptionalInt.of(2);
        });

    assertThat(result).isEqualTo(new HealthWait.Exited(2));
    assertThat(asked).hasValue(1);
  }
}
