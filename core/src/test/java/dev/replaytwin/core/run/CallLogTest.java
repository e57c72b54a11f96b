package dev.replaytwin.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallLogTest {
  @TempDir
  Path dir;

  private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

  @Test
  void callsReadBackInOrderAndAppendingKeepsTheEarlierOnes() throws Exception {
    Path f = RunDirectory.at(dir).calls("candidate");
    assertThat(f).isEqualTo(dir.resolve("targets/candidate/calls.jsonl"));
    DependencyCall a = new DependencyCall(1_000, "payments", "GET", "/v1/charges/ch_1", "GET /v1/charges/{id}",
        200, TRACE, true, "");
    DependencyCall b = new DependencyCall(2_000, "payments", "POST", "/v2/refunds", "POST /v2/refunds", 0, "",
        false, "reset");
    try (CallLog log = CallLog.append(f)) {
      log.write(a);
    }
    try (CallLog log = CallLog.append(f)) {
      log.write(b);
    }
    assertThat(CallLog.read(f)).containsExactly(a, b);
    assertThat(Files.readAllLines(f).get(0)).isEqualTo("{\"epochNanos\":1000,\"dependency\":\"payments\","
        + "\"method\":\"GET\",\"path\":\"/v1/charges/ch_1\",\"endpoint\":\"GET /v1/charges/{id}\",\"status\":200,"
        + "\"traceId\":\"" + TRACE + "\",\"matched\":true,\"fault\":\"\"}");
    assertThat(CallLog.read(dir.resolve("none.jsonl"))).isEmpty();
  }

  @Test
  void aTornLastLineIsLeftOutButADamagedLineInTheMiddleIsAnError() throws Exception {
    Path f = dir.resolve("c.jsonl");
    try (CallLog log = CallLog.append(f)) {
      log.write(new DependencyCall(1_000, "payments", "GET", "/a", "GET /a", 200, "", true, ""));
    }
    Files.writeString(f, "{\"epochNanos\":2000,\"depend", StandardOpenOption.APPEND);
    assertThat(CallLog.read(f)).hasSize(1);
    Files.writeString(f, "\n{\"epochNanos\":3000,\"dependency\":\"payments\",\"method\":\"GET\",\"path\":\"/a\","
        + "\"endpoint\":\"GET /a\",\"status\":200,\"traceId\":\"\",\"matched\":true,\"fault\":\"\"}\n",
        StandardOpenOption.APPEND);
    assertThatThrownBy(() -> CallLog.read(f)).hasMessageContaining("c.jsonl:2: not a dependency call");
  }

  @Test
  void refusesImpossibleValues() {
    assertThatThrownBy(() -> new DependencyCall(1, "payments", "GET", "/a", "GET /a", 42, "", true, ""))
        .hasMessageContaining("status: 42 (expected: 100..999, or 0 for no response)");
    assertThatThrownBy(() -> new DependencyCall(1, "", "GET", "/a", "GET /a", 200, "", true, ""))
        .hasMessageContaining("dependency: \"\"");
  }
}
