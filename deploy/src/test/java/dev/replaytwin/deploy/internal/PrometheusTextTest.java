package dev.replaytwin.deploy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {

  @Test
  void micrometerNamesGiveEveryFieldButRss() {
    PrometheusText m = PrometheusText.parse("""
        # HELP process_cpu_time_ns_total The "cpu time" used by the Java Virtual Machine process
        # TYPE process_cpu_time_ns_total counter
        process_cpu_time_ns_total 1.25E10
        process_files_open_files 87.0
        jvm_threads_live_threads 41.0
        jvm_gc_pause_seconds_count{action="end of minor GC",cause="G1 Evacuation Pause",gc="G1 Young Generation"} 12
        jvm_gc_pause_seconds_sum{action="end of minor GC",cause="G1 Evacuation Pause",gc="G1 Young Generation"} 0.5
        jvm_gc_pause_seconds_sum{action="end of major GC",cause="System.gc()",gc="G1 Old Generation"} 0.25
        jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1.2E7
        """);
    assertThat(m.cpuSeconds()).isEqualTo(12.5);
    assertThat(m.openFiles()).isEqualTo(87);
    assertThat(m.threads()).isEqualTo(41);
    assertThat(m.gcSeconds()).isEqualTo(0.75);
    assertThat(m.rssBytes()).as("heap is not RSS").isEqualTo(-1);
  }

  @Test
  void prometheusClientNamesGiveEveryField() {
    PrometheusText m = PrometheusText.parse("""
        process_cpu_seconds_total 3.5
        process_resident_memory_bytes 4.1209e+08
        process_open_fds 23
        jvm_threads_current 17
        jvm_gc_collection_seconds_count{gc="G1 Young Generation",} 4.0
        jvm_gc_collection_seconds_sum{gc="G1 Young Generation",} 0.031
        jvm_gc_collection_seconds_sum{gc="G1 Old Generation",} 0.009
        """);
    assertThat(m.cpuSeconds()).isEqualTo(3.5);
    assertThat(m.rssBytes()).isEqualTo(412_090_000L);
    assertThat(m.openFiles()).isEqualTo(23);
    assertThat(m.threads()).isEqualTo(17);
    assertThat(m.gcSeconds()).isCloseTo(0.04, offset(1e-9));
  }

  @Test
  void labelValuesMayHoldBracesSpacesAndEscapedQuotes() {
    PrometheusText m = PrometheusText.parse(
        "jvm_gc_pause_seconds_sum{cause=\"odd } cause \\\" here\",gc=\"x\"} 2.5 1700000000000\n");
    assertThat(m.gcSeconds()).isEqualTo(2.5);
  }

  @Test
  void gcSecondsCountsOnlyPauseSumsNotTheirCountMaxOrConcurrentPhases() {
    PrometheusText m = PrometheusText.parse("""
        jvm_gc_pause_seconds_count{action="end of minor GC",cause="G1 Evacuation Pause"} 12
        jvm_gc_pause_seconds_sum{action="end of minor GC",cause="G1 Evacuation Pause"} 0.125
        jvm_gc_pause_seconds_sum{action="end of major GC",cause="System.gc()"} 0.5
        jvm_gc_pause_seconds_max{action="end of major GC",cause="System.gc()"} 0.5
        jvm_gc_concurrent_phase_time_seconds_sum{action="end of concurrent GC pause"} 9.0
        """);
    assertThat(m.gcSeconds()).isEqualTo(0.625);
  }

  @Test
  void gcSecondsIsUnknownForSimilarNamesNotFiniteValuesOrPagesThatAreNotMetrics() {
    assertThat(PrometheusText.parse("process_cpu_usage 0.2\njvm_gc_pause_seconds_summary 3\n").gcSeconds())
        .isEqualTo(-1);
    assertThat(PrometheusText.parse("jvm_gc_pause_seconds_sum{a=\"b\"} NaN\n").gcSeconds()).isEqualTo(-1);
    assertThat(PrometheusText.parse("<html>not metrics</html>").gcSeconds()).isEqualTo(-1);
  }

  @Test
  void commentsGarbageAndValuesThatAreNotFiniteAreLeftOut() {
    PrometheusText m = PrometheusText.parse("""
        # EOF
        {broken} 1
        process_open_fds NaN
        process_cpu_seconds_total +Inf
        jvm_threads_current{unclosed="x 5
        process_resident_memory_bytes 100
        """);
    assertThat(m.openFiles()).isEqualTo(-1);
    assertThat(m.cpuSeconds()).isEqualTo(-1);
    assertThat(m.threads()).isEqualTo(-1);
    assertThat(m.rssBytes()).isEqualTo(100);
  }

  @Test
  void emptyPageKnowsNothing() {
    PrometheusText m = PrometheusText.parse("");
    assertThat(m.cpuSeconds()).isEqualTo(-1);
    assertThat(m.rssBytes()).isEqualTo(-1);
    assertThat(m.threads()).isEqualTo(-1);
    assertThat(m.openFiles()).isEqualTo(-1);
    assertThat(m.gcSeconds()).isEqualTo(-1);
    assertThat(m.sum("process_open_fds")).isEmpty();
  }
}
