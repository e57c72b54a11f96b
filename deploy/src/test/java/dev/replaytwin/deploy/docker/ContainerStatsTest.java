package dev.replaytwin.deploy.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.Statistics;
import dev.replaytwin.core.run.ResourceSample;
import dev.replaytwin.deploy.internal.docker.ContainerStats;
import org.junit.jupiter.api.Test;

/** Stats readings as the engine sends them (trimmed), turned into samples. */
class ContainerStatsTest {
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  @Test
  void cgroupV1ReadingCountsCpuNanosMemoryLessInactiveFilesAndTasks() throws Exception {
    Statistics reading = JSON.readValue("""
        {"read":"2026-11-22T06:20:01.123456789Z",
         "pids_stats":{"current":21},
         "cpu_stats":{"cpu_usage":{"total_usage":2519173460,"usage_in_kernelmode":700000000}},
         "memory_stats":{"usage":19980288,"stats":{"cache":1000000,"total_inactive_file":500000,"rss":18763776}}}
        """, Statistics.class);

    ResourceSample sample = ContainerStats.toSample(reading, 1L, 0.25);

    assertThat(sample.cpuSeconds()).isEqualTo(2.51917346);
    assertThat(sample.rssBytes()).isEqualTo(19_480_288);
    assertThat(sample.threads()).isEqualTo(21);
    assertThat(sample.openFiles()).isEqualTo(-1);
    assertThat(sample.gcSeconds()).isEqualTo(0.25);
    assertThat(sample.epochNanos()).isEqualTo(1_795_328_401_123_456_789L);
  }

  @Test
  void cgroupV2ReadingSubtractsInactiveFile() throws Exception {
    Statistics reading = JSON.readValue("""
        {"read":"2026-11-22T06:20:01Z","pids_stats":{"current":3},
         "cpu_stats":{"cpu_usage":{"total_usage":1000000000}},
         "memory_stats":{"usage":4096000,"stats":{"anon":3000000,"inactive_file":96000}}}
        """, Statistics.class);

    assertThat(ContainerStats.toSample(reading, 1L, -1).rssBytes()).isEqualTo(4_000_000);
  }

  @Test
  void aStoppedContainersEmptyReadingIsUnknownAtTheFallbackTime() throws Exception {
    Statistics reading = JSON.readValue("""
        {"read":"0001-01-01T00:00:00Z","pids_stats":{},"cpu_stats":{"cpu_usage":{"total_usage":0}},"memory_stats":{}}
        """, Statistics.class);

    ResourceSample sample = ContainerStats.toSample(reading, 42L, -1);

    assertThat(sample.epochNanos()).isEqualTo(42L);
    assertThat(sample.rssBytes()).isEqualTo(-1);
    assertThat(sample.threads()).isEqualTo(-1);
  }
}
