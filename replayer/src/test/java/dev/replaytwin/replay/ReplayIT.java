package dev.replaytwin.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.replaytwin.core.Body;
import dev.replaytwin.core.ContextTags;
import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.Headers;
import dev.replaytwin.core.HttpResponse;
import dev.replaytwin.core.capture.CaptureWriter;
import dev.replaytwin.core.capture.CaptureWriterOptions;
import dev.replaytwin.core.capture.FsyncPolicy;
import dev.replaytwin.core.run.ErrorKind;
import dev.replaytwin.core.run.Outcome;
import dev.replaytwin.core.run.OutcomeReader;
import dev.replaytwin.core.run.RunDirectory;
import dev.replaytwin.core.run.RunManifest;
import dev.replaytwin.replay.RecordingTarget.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplayIT {
  @TempDir Path dir;

  private static List<Outcome> outcomes(Path run, String target) throws Exception {
    try (OutcomeReader reader = OutcomeReader.open(RunDirectory.at(run).outcomes(target))) {
      return reader.stream().toList();
    }
  }

  private ReplayOptions.Builder options(Path capture, String run, RecordingTarget... targets) {
    ReplayOptions.Builder b = ReplayOptions.builder(capture, dir.resolve(run)).lagBound(Duration.ofMillis(50));
    for (int i = 0; i < targets.length; i++) {
      b.target(Target.parse("t" + i + "=" + targets[i].url(), true));
    }
    return b;
  }

  private static RunManifest run(ReplayOptions options) throws Exception {
    Replay.check(options);
    return new Replay(options, ReplayListener.NONE).run();
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.5, 1, 4})
  void intendedTimesFollowTheCapturedSpacingDividedBySpeed(double speed) throws Exception {
    List<Exchange> captured = new ArrayList<>();
    long[] offsets = {0, 30, 45, 120, 125, 200, 330};
    for (int i = 0; i < offsets.length; i++) {
      captured.add(Captures.get("e" + i, offsets[i], "/items/" + i));
    }
    Path capture = Captures.write(dir.resolve("c.twcap"), captured);
    try (RecordingTarget t = RecordingTarget.start(r -> Reply.ok("ok"))) {
      RunManifest m = run(options(capture, "run", t).pacing(new Pacing.Scaled(speed)).build());
      List<Outcome> rows = outcomes(dir.resolve("run"), "t0");
      assertThat(rows).hasSize(offsets.length);
      for (Outcome o : rows) {
        int i = Integer.parseInt(o.exchangeId().substring(1));
        assertThat(o.intendedEpochNanos() - m.t0EpochNanos())
            .isEqualTo(Math.round(offsets[i] * 1_000_000L / speed));
        assertThat(o.sentEpochNanos()).isGreaterThanOrEqualTo(o.intendedEpochNanos());
        assertThat(o.status()).isEqualTo(200);
        assertThat(o.headers().first("content-type")).as("response fields are kept for the comparator")
            .contains("text/plain");
      }
      // Arrival order across connections is the network's business; what was sent is not.
      assertThat(t.received()).extracting(RecordingTarget.Received::target)
          .containsExactlyInAnyOrder("/items/0", "/items/1", "/items/2", "/items/3", "/items/4", "/items/5", "/items/6");
    }
  }

  @Test
  void aStallShowsInLatencyFromIntendedTimeForEveryRequestBehindItButNotInServiceTime() throws Exception {
    List<Exchange> captured = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      captured.add(Captures.get("e" + i, 20L * i, i == 5 ? "/stall" : "/items/" + i));
    }
    Path capture = Captures.write(dir.resolve("c.twcap"), captured);
    // One connection to a one-thread server: what queues behind the stall waits in the replayer.
    try (RecordingTarget t = RecordingTarget.start(1,
        r -> r.target().equals("/stall") ? new Reply(200, "text/plain", "slow", 1000) : Reply.ok("ok"))) {
      run(options(capture, "run", t).maxConnections(1).build());
      Map<String, Outcome> rows = outcomes(dir.resolve("run"), "t0").stream()
          .collect(Collectors.toMap(Outcome::exchangeId, o -> o));
      assertThat(rows.get("e5").serviceNanos()).isGreaterThanOrEqualTo(1_000_000_000L);
      for (int i = 6; i < 30 && 20L * (i - 5) < 800; i++) {
        Outcome o = rows.get("e" + i);
        long stallLeft = 1_000_000_000L - (20L * (i - 5)) * 1_000_000L;
        assertThat(o.latencyNanos()).as("e%d latency from intended time", i).isGreaterThanOrEqualTo(stallLeft);
        assertThat(o.serviceNanos()).as("e%d service time", i).isLessThan(stallLeft);
      }
    }
  }

  @Test
  void everyTargetReceivesTheSameRequestsOfASessionInCapturedOrder() throws Exception {
    List<Exchange> captured = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String session = "s" + (i % 4);
      captured.add(Captures.exchange("e" + i, 5L * i, "c" + i, i % 3 == 0 ? "POST" : "GET", "/step/" + i,
          Headers.of("Host", "shop.example", "X-Session", session), "{\"i\":" + i + "}",
          new HttpResponse(200, Headers.EMPTY, Body.ofUtf8("ok"))));
    }
    Path capture = Captures.write(dir.resolve("c.twcap"), captured);
    try (RecordingTarget a = RecordingTarget.start(r -> new Reply(200, "text/plain", "a", (r.target().hashCode() & 7)));
        RecordingTarget b = RecordingTarget.start(r -> Reply.ok("b"))) {
      RunManifest m = run(options(capture, "run", a, b).session(SessionRule.parse("header:X-Session")).build());
      assertThat(m.health().valid()).as(m.health().reasons().toString()).isTrue();
      for (int s = 0; s < 4; s++) {
        String session = "s" + s;
        List<String> expected = captured.stream()
            .filter(e -> e.request().headers().first("X-Session").orElseThrow().equals(session))
            .map(e -> e.request().method() + " " + e.request().target()).toList();
        assertThat(sequence(a, session)).isEqualTo(expected);
        assertThat(sequence(b, session)).isEqualTo(expected);
      }
      assertThat(a.received()).extracting(RecordingTarget.Received::body)
          .containsExactlyInAnyOrderElementsOf(b.received().stream().map(RecordingTarget.Received::body).toList());
    }
  }

  private static List<String> sequence(RecordingTarget t, String session) {
    return t.received().stream().filter(r -> session.equals(r.header("X-Session")))
        .map(r -> r.method() + " " + r.target()).toList();
  }

  @Test
  void aLoginTokenFromEachTargetIsUsedInThatTargetsLaterRequests() throws Exception {
    Headers session = Headers.of("Host", "shop.example", "Cookie", "SID=abc");
    Path capture = Captures.write(dir.resolve("c.twcap"), List.of(
        Captures.exchange("login", 0, "c1", "POST", "/login", session, "{\"user\":\"u1\"}",
            new HttpResponse(200, Headers.of("Content-Type", "application/json"),
                Body.ofUtf8("{\"token\":\"captured-token-1\"}"))),
        Captures.exchange("use", 5, "c1", "GET", "/orders?token=captured-token-1",
            Headers.of("Host", "shop.example", "Cookie", "SID=abc", "Authorization", "Bearer captured-token-1"), "",
            new HttpResponse(200, Headers.EMPTY, Body.ofUtf8("[]")))));
    try (RecordingTarget a = RecordingTarget.start(r -> Reply.json("{\"token\":\"fresh-token-A\"}"));
        RecordingTarget b = RecordingTarget.start(r -> Reply.json("{\"token\":\"fresh-token-B\"}"))) {
      run(options(capture, "run", a, b).session(SessionRule.parse("cookie:SID"))
          .correlate(CorrelationRule.parse("json:$.token")).build());
      assertThat(a.received()).hasSize(2);
      assertThat(a.received().get(1).header("Authorization")).isEqualTo("Bearer fresh-token-A");
      assertThat(a.received().get(1).target()).isEqualTo("/orders?token=fresh-token-A");
      assertThat(b.received().get(1).header("Authorization")).isEqualTo("Bearer fresh-token-B");
    }
  }

  @Test
  void aTargetThatIsTheCapturesProductionHostIsRefusedUnlessAllowed() throws Exception {
    try (RecordingTarget t = RecordingTarget.start(r -> Reply.ok("ok"))) {
      String authority = t.url().substring("http://".length());
      Path byHost = Captures.write(dir.resolve("host.twcap"), List.of(Captures.exchange("e", 0, "c", "GET", "/",
          Headers.of("Host", authority), "", null)));
      assertThatThrownBy(() -> Replay.check(options(byHost, "r1", t).build()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("production").hasMessageContaining("--i-know-this-is-production");
      Replay.check(options(byHost, "r2", t).allowProduction(true).build());

      Path byTag = dir.resolve("tag.twcap");
      try (CaptureWriter w = CaptureWriter.open(byTag, CaptureWriterOptions.builder().fsync(FsyncPolicy.NEVER)
          .context(new ContextTags("shop", "prod", "", "", Map.of("upstream", t.url()))).build())) {
        w.append(Captures.get("e", 0, "/"));
      }
      assertThatThrownBy(() -> Replay.check(options(byTag, "r3", t).build())).hasMessageContaining("production");
    }
  }

  @Test
  void writesGoOnlyToTwinsAndNowhereWhenReadOnly() throws Exception {
    Path capture = Captures.write(dir.resolve("c.twcap"), List.of(
        Captures.get("g1", 0, "/a"),
        Captures.exchange("p1", 5, "c", "POST", "/orders", Headers.of("Host", "shop.example"), "{}", null),
        Captures.exchange("d1", 10, "c", "DELETE", "/orders/1", Headers.of("Host", "shop.example"), "", null),
        Captures.get("g2", 15, "/b")));
    try (RecordingTarget twin = RecordingTarget.start(r -> Reply.ok("ok"));
        RecordingTarget observed = RecordingTarget.start(r -> Reply.ok("ok"))) {
      RunManifest m = run(ReplayOptions.builder(capture, dir.resolve("run"))
          .target(Target.parse("twin=" + twin.url(), true))
          .target(Target.parse("observed=" + observed.url(), false)).build());
      assertThat(twin.received()).extracting(RecordingTarget.Received::method)
          .containsExactlyInAnyOrder("GET", "POST", "DELETE", "GET");
      assertThat(observed.received()).extracting(RecordingTarget.Received::method).containsExactly("GET", "GET");
      assertThat(m.targets().get(1).writesSkipped()).isEqualTo(2);

      run(ReplayOptions.builder(capture, dir.resolve("ro")).target(Target.parse("twin=" + twin.url(), true))
          .readOnly(true).build());
      assertThat(twin.received()).hasSize(6);
      assertThat(twin.received().subList(4, 6)).extracting(RecordingTarget.Received::method).containsOnly("GET");
    }
  }

  @Test
  void aRunIsInvalidWhenTheReplayerLagsOrDropsRequests() throws Exception {
    List<Exchange> captured = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      captured.add(Captures.get("e" + i, i, "/items/" + i));
    }
    Path capture = Captures.write(dir.resolve("c.twcap"), captured);
    try (RecordingTarget t = RecordingTarget.start(1, r -> new Reply(200, "text/plain", "ok", 50))) {
      RunManifest lagging = run(options(capture, "lag", t).lagBound(Duration.ofNanos(1)).build());
      assertThat(lagging.health().valid()).isFalse();
      assertThat(lagging.health().reasons()).anyMatch(r -> r.contains("send lag p99"));
      assertThat(RunManifest.read(RunDirectory.at(dir.resolve("lag")).manifest())).isEqualTo(lagging);

      RunManifest dropping = run(options(capture, "drop", t).maxConnections(1).maxWaiting(0).build());
      assertThat(dropping.health().valid()).isFalse();
      assertThat(dropping.health().dropped()).isPositive();
      assertThat(dropping.health().reasons()).anyMatch(r -> r.contains("could not be sent"));
      assertThat(outcomes(dir.resolve("drop"), "t0")).filteredOn(o -> o.error() == ErrorKind.DROPPED)
          .hasSize((int) dropping.health().dropped());
    }
  }

  @Test
  void shardsTogetherSendExactlyWhatOneRunSends() throws Exception {
    List<Exchange> captured = new ArrayList<>();
    for (int i = 0; i < 90; i++) {
      captured.add(Captures.exchange("e" + i, i, "conn" + (i % 17), "GET", "/items/" + i,
          Headers.of("Host", "shop.example"), "", null));
    }
    Path capture = Captures.write(dir.resolve("c.twcap"), captured);
    try (RecordingTarget t = RecordingTarget.start(r -> Reply.ok("ok"))) {
      run(options(capture, "whole", t).session(SessionRule.parse("connection")).pacing(new Pacing.Scaled(10)).build());
      Set<String> whole = new HashSet<>(t.received().stream().map(RecordingTarget.Received::target).toList());
      assertThat(whole).hasSize(90);
      List<String> sharded = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        int before = t.received().size();
        run(options(capture, "shard" + i, t).session(SessionRule.parse("connection"))
            .pacing(new Pacing.Scaled(10)).shard(new Shard(i, 3)).build());
        List<String> got = t.received().subList(before, t.received().size()).stream()
            .map(RecordingTarget.Received::target).toList();
        assertThat(got).as("shard %d/3 sends something", i).isNotEmpty();
        sharded.addAll(got);
      }
      assertThat(sharded).doesNotHaveDuplicates();
      assertThat(new HashSet<>(sharded)).isEqualTo(whole);
    }
  }

  @Test
  void theRunDirectoryHoldsAManifestReadableLatencyLogsAndOneOutcomePerRequest() throws Exception {
    List<Exchange> captured = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      captured.add(Captures.get("e" + i, 3L * i, i % 2 == 0 ? "/users/" + (100 + i) : "/health"));
    }
    Path capture = Captures.write(dir.resolve("c.twcap"), captured);
    try (RecordingTarget t = RecordingTarget.start(r -> Reply.json("{\"user\":1}"))) {
      RunManifest m = run(options(capture, "run", t).logInterval(Duration.ofMillis(20)).build());
      assertThat(m.state()).isEqualTo(RunManifest.FINISHED);
      assertThat(m.capture().digest()).startsWith("sha256:");
      assertThat(m.capture().exchangesRead()).isEqualTo(12);
      assertThat(m.targets().get(0).answered()).isEqualTo(12);
      assertThat(m.schedule().mode()).isEqualTo("scaled");
      assertThat(m.versions()).containsKeys("replaytwin", "java", "netty");
      List<Outcome> rows = outcomes(dir.resolve("run"), "t0");
      assertThat(rows).hasSize(12).allMatch(o -> o.bodyDigest().startsWith("sha256:"))
          .allMatch(o -> o.body().toUtf8().equals("{\"user\":1}"));
      assertThat(rows).extracting(Outcome::endpoint).containsOnly("GET /users/{id}", "GET /health");

      Set<String> tags = new HashSet<>();
      long counted = 0;
      HistogramLogReader reader = new HistogramLogReader(RunDirectory.at(dir.resolve("run")).latencyLog("t0").toFile());
      for (EncodableHistogram h; (h = reader.nextIntervalHistogram()) != null; ) {
        if (h.getTag() == null) {
          counted += ((org.HdrHistogram.Histogram) h).getTotalCount();
        } else {
          tags.add(h.getTag());
        }
      }
      assertThat(counted).isEqualTo(12);
      assertThat(tags).containsExactlyInAnyOrder("GET:/users/{id}", "GET:/health");
    }
  }

  @Test
  void requestsDueInTheWarmUpAreSentAndWrittenButNotMeasured() throws Exception {
    List<Exchange> captured = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      captured.add(Captures.get("e" + i, 10L * i, "/items/" + i));
    }
    Path capture = Captures.write(dir.resolve("c.twcap"), captured);
    try (RecordingTarget t = RecordingTarget.start(r -> Reply.ok("ok"))) {
      RunManifest m = run(options(capture, "run", t).warmup(Duration.ofMillis(100)).build());
      assertThat(t.received()).hasSize(20);
      assertThat(outcomes(dir.resolve("run"), "t0")).hasSize(20);
      // e10..e19 are due at 100..190 ms, after the warm-up.
      assertThat(loggedLatencies(dir.resolve("run"), "t0")).isEqualTo(10);
      assertThat(m.schedule().warmup()).isEqualTo("PT0.1S");
      assertThat(m.health().timerSamples()).as("the machine's timer is probed after the warm-up").isPositive();

      run(options(capture, "closed", t).pacing(new Pacing.Max()).build());
      assertThat(RunManifest.read(RunDirectory.at(dir.resolve("closed")).manifest()).health().timerSamples())
          .as("closed loop has no schedule to keep").isZero();
    }
  }

  private static long loggedLatencies(Path run, String target) throws Exception {
    long counted = 0;
    HistogramLogReader reader = new HistogramLogReader(RunDirectory.at(run).latencyLog(target).toFile());
    for (EncodableHistogram h; (h = reader.nextIntervalHistogram()) != null; ) {
      if (h.getTag() == null) {
        counted += ((org.HdrHistogram.Histogram) h).getTotalCount();
      }
    }
    reader.close();
    return counted;
  }

  @Test
  void loopingReplaysTheCaptureAgainUntilTheDuration() throws Exception {
    Path capture = Captures.write(dir.resolve("c.twcap"), List.of(
        Captures.get("a", 0, "/a"), Captures.get("b", 50, "/b")));
    try (RecordingTarget t = RecordingTarget.start(r -> Reply.ok("ok"))) {
      RunManifest m = run(options(capture, "run", t).loop(true).duration(Duration.ofMillis(420)).build());
      List<Outcome> rows = outcomes(dir.resolve("run"), "t0");
      // Passes are 100 ms apart (span 50 ms + one 50 ms gap): requests at 0, 50, 100, ..., 400 ms.
      assertThat(rows).hasSize(9);
      assertThat(rows).extracting(Outcome::loop).contains(0, 1, 2, 3, 4);
      assertThat(m.schedule().passes()).isGreaterThanOrEqualTo(5);
    }
  }

  @Test
  void refusesAnOutputDirectoryThatAlreadyHoldsARun() throws Exception {
    Path capture = Captures.write(dir.resolve("c.twcap"), List.of(Captures.get("a", 0, "/a")));
    try (RecordingTarget t = RecordingTarget.start(r -> Reply.ok("ok"))) {
      run(options(capture, "run", t).build());
      assertThatThrownBy(() -> Replay.check(options(capture, "run", t).build()))
          .hasMessageContaining("already holds a run");
    }
  }
}
