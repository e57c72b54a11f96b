package dev.replaytwin.compare.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replaytwin.core.run.CallLog;
import dev.replaytwin.core.run.DependencyCall;
import dev.replaytwin.core.run.RunDirectory;
import dev.replaytwin.core.run.TraceIds;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallJudgeTest {
  private static final CallJudge.Measured ALL = CallJudge.Measured.ALL;
  private static final String CHARGE = "POST /v1/charges";
  private static final String READ_BACK = "GET /v1/charges/{id}";

  @TempDir Path dir;

  @Test
  void anExtraCallPerRequestIsAFindingNamingTheEndpointAndAnEqualCountIsNot() throws IOException {
    RunDirectory run = RunDirectory.at(dir);
    write(run, "baseline", 200, List.of(CHARGE), true);
    write(run, "baseline2", 200, List.of(CHARGE), true);
    write(run, "candidate", 200, List.of(CHARGE, READ_BACK), true);

    List<Draft> drafts = judge(run);

    Draft readBack = only(drafts, "payments " + READ_BACK + " calls");
    assertThat(readBack.beyondAllowance()).isTrue();
    assertThat(readBack.pValue()).isLessThan(1e-6);
    assertThat(readBack.check().explanation()).contains("the candidate made 200 calls, the baseline 0");
    assertThat(readBack.check().nextStep()).contains("which the baseline never called");
    Draft charge = only(drafts, "payments " + CHARGE + " calls");
    assertThat(charge.beyondAllowance()).isFalse();
    assertThat(charge.pValue()).isEqualTo(1.0);
  }

  @Test
  void twiceTheCallsForTheSameRequestsIsAnNPlusOne() throws IOException {
    RunDirectory run = RunDirectory.at(dir);
    write(run, "baseline", 100, List.of(CHARGE), true);
    write(run, "candidate", 100, List.of(CHARGE, CHARGE), true);

    Draft charge = only(judge(run), "payments " + CHARGE + " calls");

    assertThat(charge.beyondAllowance()).isTrue();
    assertThat(charge.pValue()).isLessThan(1e-6);
    assertThat(charge.check().explanation()).contains("per calling request 2.00 against 1.00", "100 requests made more");
    assertThat(charge.check().nextStep()).contains("N+1");
  }

  @Test
  void untracedCallsAreJudgedByTheirTotalsAndTheSecondBaselineSetsTheNoise() throws IOException {
    RunDirectory run = RunDirectory.at(dir);
    write(run, "baseline", 100, List.of(CHARGE), false);
    write(run, "candidate", 110, List.of(CHARGE), false);
    write(run, "baseline2", 112, List.of(CHARGE), false);

    Draft withNoise = only(judge(run), "payments " + CHARGE + " calls");
    assertThat(withNoise.beyondAllowance()).as("10% more, but the A/A pair differs by 12%").isFalse();

    RunDirectory quiet = RunDirectory.at(dir.resolve("quiet"));
    write(quiet, "baseline", 100, List.of(CHARGE), false);
    write(quiet, "candidate", 300, List.of(CHARGE), false);
    Draft alone = only(CallJudge.judge(CallJudge.read(List.of(quiet), "baseline", ALL),
        CallJudge.read(List.of(quiet), "candidate", ALL), null), "payments " + CHARGE + " calls");
    assertThat(alone.beyondAllowance()).isTrue();
    assertThat(alone.pValue()).isLessThan(1e-6);
  }

  @Test
  void rarelyCalledEndpointsAreJudgedTogetherPerDependency() throws IOException {
    RunDirectory run = RunDirectory.at(dir);
    write(run, "baseline", 60, List.of(CHARGE), true);
    try (CallLog log = CallLog.append(run.calls("candidate"))) {
      for (int i = 0; i < 60; i++) {
        String trace = TraceIds.traceId("x" + i, 0);
        log.write(new DependencyCall(1 + i, "payments", "POST", "/v1/charges", CHARGE, 200, trace, true, ""));
        log.write(new DependencyCall(2 + i, "payments", "GET", "/v1/charges/ch_" + i, "GET /v1/charges/ch_" + i, 501,
            trace, false, ""));
      }
    }

    List<Draft> drafts = judge(run);

    assertThat(drafts).extracting(d -> d.check().name()).containsExactly(
        "payments (endpoints with fewer than 10 calls) calls", "payments " + CHARGE + " calls");
    Draft rare = drafts.get(0);
    assertThat(rare.beyondAllowance()).isTrue();
    assertThat(rare.pValue()).isLessThan(1e-6);
    assertThat(rare.check().explanation()).contains("60 of the candidate's calls matched no captured stub");
  }

  @Test
  void callsOfTheWarmUpAreNotJudged() throws IOException {
    RunDirectory run = RunDirectory.at(dir);
    write(run, "baseline", 100, List.of(CHARGE), true);
    write(run, "candidate", 100, List.of(CHARGE), true);
    long measuredFrom = 500_000_000L; // the measured requests call from 1 s on (write)
    try (CallLog log = CallLog.append(run.calls("candidate"))) {
      for (int i = 0; i < 50; i++) {
        // A warm-up request's call, made after the warm-up ended; and an untraced one made during it.
        log.write(new DependencyCall(measuredFrom + i, "payments", "GET", "/v1/charges/ch_" + i, READ_BACK, 200,
            TraceIds.traceId("w" + i, 0), true, ""));
        log.write(new DependencyCall(measuredFrom - 1 - i, "payments", "GET", "/v1/charges/ch_" + i, READ_BACK, 200,
            "", true, ""));
      }
    }
    Set<String> warmup = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      warmup.add(TraceIds.traceId("w" + i, 0));
    }
    List<RunDirectory> dirs = List.of(run);
    CallJudge.Measured measured = new CallJudge.Measured(new long[] {measuredFrom}, warmup);

    List<Draft> judged = CallJudge.judge(CallJudge.read(dirs, "baseline", measured),
        CallJudge.read(dirs, "candidate", measured), null);
    List<Draft> everything = CallJudge.judge(CallJudge.read(dirs, "baseline", ALL),
        CallJudge.read(dirs, "candidate", ALL), null);

    assertThat(judged).extracting(d -> d.check().name()).containsExactly("payments " + CHARGE + " calls");
    assertThat(judged.get(0).beyondAllowance()).isFalse();
    assertThat(only(everything, "payments " + READ_BACK + " calls").beyondAllowance()).isTrue();
  }

  @Test
  void aTargetWithoutACallLogHasNoCallChecks() throws IOException {
    assertThat(CallJudge.read(List.of(RunDirectory.at(dir)), "baseline", ALL)).isNull();
  }

  private List<Draft> judge(RunDirectory run) throws IOException {
    List<RunDirectory> dirs = List.of(run);
    return CallJudge.judge(CallJudge.read(dirs, "baseline", ALL), CallJudge.read(dirs, "candidate", ALL),
        CallJudge.read(dirs, "baseline2", ALL));
  }

  private static Draft only(List<Draft> drafts, String name) {
    return drafts.stream().filter(d -> d.check().name().equals(name)).findFirst().orElseThrow(
        () -> new AssertionError(name + " not in " + drafts.stream().map(d -> d.check().name()).toList()));
  }

  /** {@code requests} replayed requests, each making {@code calls} (in order), traced or not. */
  private static void write(RunDirectory run, String target, int requests, List<String> calls, boolean traced)
      throws IOException {
    try (CallLog log = CallLog.append(run.calls(target))) {
      long t = 1_000_000_000L;
      for (int i = 0; i < requests; i++) {
        for (String endpoint : calls) {
          String[] mp = endpoint.split(" ", 2);
          log.write(new DependencyCall(t++, "payments", mp[0], mp[1].replace("{id}", "ch_" + i), endpoint, 200,
              traced ? TraceIds.traceId("x" + i, 0) : "", !endpoint.equals(READ_BACK) || target.equals("baseline"),
              ""));
        }
      }
    }
  }
}
