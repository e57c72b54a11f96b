package dev.replaytwin.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TraceIdsTest {
  @Test
  void traceparentIsAValidW3cHeaderDerivedFromIdAndLoopOnly() {
    String tp = TraceIds.traceparent("ex-42", 3);

    assertThat(tp).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    assertThat(TraceIds.traceparent("ex-42", 3)).isEqualTo(tp);
    assertThat(TraceIds.traceIdOf(tp)).contains(TraceIds.traceId("ex-42", 3));
    assertThat(TraceIds.traceId("ex-42", 4)).isNotEqualTo(TraceIds.traceId("ex-42", 3));
    assertThat(TraceIds.traceId("ex-43", 3)).isNotEqualTo(TraceIds.traceId("ex-42", 3));
  }

  @Test
  void readsTheTraceIdOfAnyWellFormedTraceparentAndRejectsTheRest() {
    assertThat(TraceIds.traceIdOf(" 00-0AF7651916CD43DD8448EB211C80319C-b7ad6b7169203331-01 "))
        .contains("0af7651916cd43dd8448eb211c80319c");
    assertThat(TraceIds.traceIdOf("00-0af7651916cd43dd-b7ad6b7169203331-01")).isEmpty();
    assertThat(TraceIds.traceIdOf("00-zzf7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")).isEmpty();
    assertThat(TraceIds.traceIdOf("garbage")).isEmpty();
    assertThat(TraceIds.traceIdOf(null)).isEmpty();
    assertThatThrownBy(() -> TraceIds.traceId("x", -1)).hasMessageContaining("loop: -1");
  }
}
