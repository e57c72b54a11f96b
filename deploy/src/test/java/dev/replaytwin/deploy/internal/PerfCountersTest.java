package dev.replaytwin.deploy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GC time read from this test JVM's own performance counters file, and files that are not one. */
class PerfCountersTest {
  @TempDir Path dir;

  @Test
  void thisJvmsGcTimeIsReadFromItsCountersAndGrowsWithACollection() {
    long pid = ProcessHandle.current().pid();
    Path file = PerfCounters.find(Path.of("/proc"), pid).orElseThrow(() -> new AssertionError(
        "no hsperfdata file for pid " + pid + " (is -XX:-UsePerfData set?)"));
    double before = PerfCounters.gcSeconds(file);
    assertThat(before).isGreaterThanOrEqualTo(0);

    for (int i = 0; i < 3; i++) {
      System.gc();
    }

    assertThat(PerfCounters.gcSeconds(file)).isGreaterThan(before);
  }

  @Test
  void aSamplerSumsTheJvmsOfATreeAndIgnoresOtherProcesses() {
    long pid = ProcessHandle.current().pid();
    try (JvmGcSampler sampler = new JvmGcSampler(Path.of("/proc"))) {
      assertThat(sampler.gcSeconds(List.of(pid))).isGreaterThanOrEqualTo(0);
      assertThat(sampler.gcSeconds(List.of(1L << 40))).as("no such process").isEqualTo(-1);
    }
  }

  @Test
  void aFileThatIsNotCountersOrIsCutShortIsUnknown() throws IOException {
    Path junk = Files.write(dir.resolve("junk"), "not a counters file at all, not at all".getBytes());
    assertThat(PerfCounters.gcSeconds(junk)).isEqualTo(-1);
    assertThat(PerfCounters.gcSeconds(dir.resolve("gone"))).isEqualTo(-1);

    Path real = PerfCounters.find(Path.of("/proc"), ProcessHandle.current().pid()).orElseThrow();
    byte[] bytes = Files.readAllBytes(real);
    Path cut = Files.write(dir.resolve("cut"), Arrays.copyOf(bytes, 600));
    assertThat(PerfCounters.gcSeconds(cut)).isEqualTo(-1);
  }

  @Test
  void javaLaunchersAreRecognisedByName() {
    assertThat(JvmGcSampler.isJavaLauncher("/usr/lib/jvm/java-17-openjdk-amd64/bin/java")).isTrue();
    assertThat(JvmGcSampler.isJavaLauncher("java.exe")).isTrue();
    assertThat(JvmGcSampler.isJavaLauncher("/usr/bin/javac")).isFalse();
    assertThat(JvmGcSampler.isJavaLauncher("/bin/sh")).isFalse();
  }
}
