package dev.replaytwin.deploy.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replaytwin.deploy.internal.docker.PrometheusGc;
import org.junit.jupiter.api.Test;

class PrometheusGcTest {

  @Test
  void sumsMicrometersPausesOverCausesAndActions() {
    String text = """
        # HELP jvm_gc_pause_seconds Time spent in GC pause
        # TYPE jvm_gc_pause_seconds summary
        jvm_gc_pause_seconds_count{action="end of minor GC",cause="G1 Evacuation Pause"} 12
        jvm_gc_pause_seconds_sum{action="end of minor GC",cause="G1 Evacuation Pause"} 0.125
        jvm_gc_pause_seconds_sum{action="end of major GC",cause="System.gc()"} 0.5
        jvm_gc_pause_seconds_max{action="end of major GC",cause="System.gc()"} 0.5
        jvm_gc_concurrent_phase_time_seconds_sum{action="end of concurrent GC pause"} 9.0
        """;

    assertThat(PrometheusGc.seconds(text)).hasValue(0.625);
  }

  @Test
  void readsThePrometheusClientsCollectionTimeWithTimestamps() {
    String text = "jvm_gc_collection_seconds_sum{gc=\"G1 Young Generation\",} 1.5 1700000000000\n"
        + "jvm_gc_collection_seconds_sum{gc=\"G1 Old Generation\",} 0.0 1700000000000\n";

    assertThat(PrometheusGc.seconds(text)).hasValue(1.5);
  }

  @Test
  void isEmptyWithoutGcMetricsOrForGarbage() {
    assertThat(PrometheusGc.seconds("process_cpu_usage 0.2\njvm_gc_pause_seconds_summary 3\n")).isEmpty();
    assertThat(PrometheusGc.seconds("jvm_gc_pause_seconds_sum{a=\"b\"} NaN\n")).isEmpty();
    assertThat(PrometheusGc.seconds("<html>not metrics</html>")).isEmpty();
  }
}
