package dev.replaytwin.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replaytwin.core.run.ResourceLog;
import dev.replaytwin.core.run.ResourceSample;
import dev.replaytwin.core.run.RunDirectory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ResourceMonitorTest {
  @TempDir
  Path dir;

  private final List<String> closed = new CopyOnWriteArrayList<>();

  @Test
  void samplesEveryTwinIntoItsResourcesFile() throws Exception {
    RunDirectory run = RunDirectory.at(dir);
    FakeTwin baseline = new FakeTwin("baseline", closed);
    FakeTwin candidate = new FakeTwin("candidate", closed);
    try (ResourceMonitor monitor = ResourceMonitor.start(run, List.of(baseline, candidate), Duration.ofMillis(20),
        death -> { })) {
      assertThat(eventually(() -> baseline.samples.get() >= 3 && candidate.samples.get() >= 3)).isTrue();
    }
    List<ResourceSample> samples = ResourceLog.read(run.resources("candidate"));
    assertThat(samples).hasSizeGreaterThanOrEqualTo(3).allMatch(s -> s.equals(new ResourceSample(1, 1.5, 1024, 3, 4, 0.1)));
    assertThat(ResourceLog.read(run.resources("baseline"))).hasSizeGreaterThanOrEqualTo(3);
    assertThat(closed).as("the monitor never stops twins").isEmpty();
  }

  @Test
  void sampleThatFailsDoesNotStopTheLoop() throws Exception {
    RunDirectory run = RunDirectory.at(dir);
    FakeTwin candidate = new FakeTwin("candidate", closed);
    AtomicInteger calls = new AtomicInteger();
    candidate.sampler = () -> {
      if (calls.getAndIncrement() % 2 == 0) {
        throw new IllegalStateException("proc went away");
      }
      return new ResourceSample(2, 1, 1, 1, 1, -1);
    };
    try (ResourceMonitor monitor = ResourceMonitor.start(run, List.of(candidate), Duration.ofMillis(20), d -> { })) {
      assertThat(eventually(() -> calls.get() >= 6)).isTrue();
    }
    assertThat(ResourceLog.read(run.resources("candidate"))).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void twinThatExitsIsReportedOnceAndNoLongerSampled() throws Exception {
    RunDirectory run = RunDirectory.at(dir);
    FakeTwin candidate = new FakeTwin("candidate", closed);
    FakeTwin baseline = new FakeTwin("baseline", closed);
    List<TwinExit> heard = new CopyOnWriteArrayList<>();
    try (ResourceMonitor monitor = ResourceMonitor.start(run, List.of(baseline, candidate), Duration.ofMillis(20),
        death -> {
          heard.add(death);
          throw new IllegalStateException("a listener that fails does not stop the monitor");
        })) {
      assertThat(eventually(() -> candidate.samples.get() >= 1)).isTrue();
      TwinExit exit = new TwinExit("candidate", 137, List.of("OutOfMemoryError"));
      candidate.exit = exit;
      assertThat(eventually(() -> !heard.isEmpty())).isTrue();
      int samplesAtDeath = candidate.samples.get();
      int baselineAtDeath = baseline.samples.get();
      assertThat(eventually(() -> baseline.samples.get() >= baselineAtDeath + 5)).isTrue();

      assertThat(heard).containsExactly(exit);
      assertThat(monitor.deaths()).containsExactly(exit);
      assertThat(candidate.samples.get()).isEqualTo(samplesAtDeath);
    }
  }

  private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(10);
    }
    return condition.getAsBoolean();
  }
}
