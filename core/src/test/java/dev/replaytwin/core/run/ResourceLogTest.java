package dev.replaytwin.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourceLogTest {
  @TempDir
  Path dir;

  @Test
  void samplesReadBackInOrderAndAppendingKeepsTheEarlierOnes() throws Exception {
    Path f = RunDirectory.at(dir).resources("candidate");
    ResourceSample a = new ResourceSample(1_000, 1.5, 100 << 20, 40, 80, 0.1);
    ResourceSample b = new ResourceSample(2_000, 2.25, 110 << 20, -1, -1, -1);
    try (ResourceLog log = ResourceLog.append(f)) {
      log.write(a);
    }
    try (ResourceLog log = ResourceLog.append(f)) {
      log.write(b);
    }
    assertThat(ResourceLog.read(f)).containsExactly(a, b);
    assertThat(ResourceLog.read(dir.resolve("none.jsonl"))).isEmpty();
  }

  @Test
  void aTornLastLineIsLeftOutButADamagedLineInTheMiddleIsAnError() throws Exception {
    Path f = dir.resolve("r.jsonl");
    try (ResourceLog log = ResourceLog.append(f)) {
      log.write(new ResourceSample(1_000, 1, 1, 1, 1, 1));
    }
    Files.writeString(f, "{\"epochNanos\":2000,\"cpuSec", StandardOpenOption.APPEND);
    assertThat(ResourceLog.read(f)).hasSize(1);
    Files.writeString(f, "\n{\"epochNanos\":3000,\"cpuSeconds\":1,\"rssBytes\":1,\"threads\":1,\"openFiles\":1,"
        + "\"gcSeconds\":1}\n", StandardOpenOption.APPEND);
    assertThatThrownBy(() -> ResourceLog.read(f)).hasMessageContaining("r.jsonl:2: not a resource sample");
  }

  @Test
  void refusesImpossibleValues() {
    assertThatThrownBy(() -> new ResourceSample(1, -2, 0, 0, 0, 0)).hasMessageContaining("cpuSeconds: -2");
    assertThat(List.of(new ResourceSample(1, -1, -1, -1, -1, -1))).hasSize(1);
  }
}
