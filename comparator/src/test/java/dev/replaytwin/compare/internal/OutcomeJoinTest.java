package dev.replaytwin.compare.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.replaytwin.core.Body;
import dev.replaytwin.core.Sha256;
import dev.replaytwin.core.run.ErrorKind;
import dev.replaytwin.core.run.Outcome;
import dev.replaytwin.core.run.OutcomeWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutcomeJoinTest {
  private static final long T0 = 1_763_700_000_000_000_000L;
  private static final long MS = 1_000_000L;

  @TempDir
  Path dir;

  private static Outcome row(String id, int loop, long intendedMs, long latencyMs) {
    long intended = T0 + intendedMs * MS;
    return new Outcome(id, loop, "GET /items/{id}", "GET", intended, intended, latencyMs * MS, latencyMs * MS, 200,
        ErrorKind.NONE, "", 2, "sha256:00", "text/plain", Body.of("ok".getBytes()));
  }

  private Path write(String name, List<Outcome> rows) throws Exception {
    Path f = dir.resolve(name + ".jsonl.zst");
    try (OutcomeWriter w = OutcomeWriter.create(f)) {
      for (Outcome o : rows) {
        w.append(o);
      }
    }
    return f;
  }

  /** Rows in the order a replayer writes them: by completion, intended time plus latency. */
  private static List<Outcome> byCompletion(List<Outcome> rows) {
    List<Outcome> sorted = new ArrayList<>(rows);
    sorted.sort((a, b) -> Long.compare(a.intendedEpochNanos() + a.latencyNanos(),
        b.intendedEpochNanos() + b.latencyNanos()));
    return sorted;
  }

  @Test
  void digestsEveryFileFromTheBytesItRead() throws Exception {
    List<Outcome> a = new ArrayList<>();
    List<Outcome> b = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      a.add(row("e" + i, 0, i, 3));
      b.add(row("e" + i, 0, i, 4));
    }
    Path fa = write("a", a);
    Path fb = write("b", b);
    try (OutcomeJoin join = OutcomeJoin.open(List.of(fa, fb), 1_000 * MS, Long.MIN_VALUE)) {
      int rows = 0;
      while (join.next() != null) {
        rows++;
      }
      assertThat(rows).isEqualTo(2_000);
      assertThat(join.digests()).isEqualTo(Map.of(fa, Sha256.ofFiles(List.of(fa)), fb, Sha256.ofFiles(List.of(fb))));
    }
  }

  @Test
  void pairsEveryRequestsRowsAcrossFilesWrittenInDifferentOrders() throws Exception {
    Random random = new Random(7);
    List<Outcome> a = new ArrayList<>();
    List<Outcome> b = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      a.add(row("e" + i, i % 3, i, random.nextInt(50)));
      b.add(row("e" + i, i % 3, i, random.nextInt(900)));
    }
    Outcome missingInB = b.remove(1234);
    b.add(row("only-b", 0, 2_500, 5));
    try (OutcomeJoin join = OutcomeJoin.open(List.of(write("a", byCompletion(a)), write("b", byCompletion(b))),
        1_000 * MS, Long.MIN_VALUE)) {
      Map<String, Outcome[]> rows = new HashMap<>();
      int maxHeld = 0;
      for (Outcome[] r; (r = join.next()) != null; ) {
        maxHeld = Math.max(maxHeld, join.held());
        String id = (r[0] != null ? r[0] : r[1]).exchangeId();
        assertThat(rows.put(id, r)).as("one tuple per request").isNull();
        if (r[0] != null && r[1] != null) {
          assertThat(r[0].exchangeId()).isEqualTo(r[1].exchangeId());
          assertThat(r[0].loop()).isEqualTo(r[1].loop());
        }
      }
      assertThat(rows).hasSize(5_001);
      assertThat(rows.get(missingInB.exchangeId())[1]).isNull();
      assertThat(rows.get(missingInB.exchangeId())[0]).isNotNull();
      assertThat(rows.get("only-b")[0]).isNull();
      assertThat(rows.values()).filteredOn(r -> r[0] != null && r[1] != null).hasSize(4_999);
      assertThat(join.duplicates()).isZero();
      // One request a millisecond, a 1 s window: about a second's rows are held, not the 5 s run.
      assertThat(maxHeld).isBetween(1, 2_500);
    }
  }

  @Test
  void filesInTheSameOrderArePairedRowByRowAndTheirDisorderByTheHashJoin() throws Exception {
    List<List<Outcome>> files = new ArrayList<>();
    for (int f = 0; f < 3; f++) {
      List<Outcome> rows = new ArrayList<>();
      for (int i = 0; i < 3_000; i++) {
        rows.add(row("e" + i, 0, i, 1));
      }
      files.add(rows);
    }
    Collections.swap(files.get(1), 100, 101); // two rows that completed in the other order
    files.get(2).remove(2_000); // a row missing from one file
    files.get(0).add(1_500, row("e-extra", 0, 1_500, 1)); // a row only one file has
    try (OutcomeJoin join = OutcomeJoin.open(List.of(write("a", files.get(0)), write("b", files.get(1)),
        write("c", files.get(2))), 10 * MS, T0 + 5 * MS)) {
      Map<String, Outcome[]> rows = new HashMap<>();
      int maxHeld = 0;
      for (Outcome[] r; (r = join.next()) != null; ) {
        maxHeld = Math.max(maxHeld, join.held());
        Outcome any = r[0] != null ? r[0] : r[1] != null ? r[1] : r[2];
        assertThat(rows.put(any.exchangeId(), r)).as("one tuple per request").isNull();
      }
      assertThat(rows).hasSize(2_996); // e0..e4 are the warm-up
      assertThat(rows.values()).filteredOn(r -> r[0] != null && r[1] != null && r[2] != null).hasSize(2_994);
      assertThat(rows.get("e100")).doesNotContainNull();
      assertThat(rows.get("e101")).doesNotContainNull();
      assertThat(rows.get("e2000")[2]).isNull();
      assertThat(rows.get("e-extra")[1]).isNull();
      assertThat(join.skipped()).isEqualTo(15);
      assertThat(maxHeld).isLessThan(50);
    }
  }

  @Test
  void skipsRowsIntendedDuringTheWarmUp() throws Exception {
    List<Outcome> a = List.of(row("e0", 0, 0, 1), row("e1", 0, 10, 1), row("e2", 0, 20, 1));
    try (OutcomeJoin join = OutcomeJoin.open(List.of(write("a", a), write("b", a)), 100 * MS, T0 + 10 * MS)) {
      List<String> ids = new ArrayList<>();
      for (Outcome[] r; (r = join.next()) != null; ) {
        ids.add(r[0].exchangeId());
      }
      assertThat(ids).containsExactlyInAnyOrder("e1", "e2");
      assertThat(join.skipped()).isEqualTo(2);
    }
  }

  @Test
  void aTargetThatAnsweredNothingLeavesItsSlotEmptyInEveryRow() throws Exception {
    List<Outcome> a = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      a.add(row("e" + i, 0, i, 1));
    }
    Collections.shuffle(a, new Random(3));
    try (OutcomeJoin join = OutcomeJoin.open(List.of(write("a", a), write("b", List.of())), 0, Long.MIN_VALUE)) {
      int n = 0;
      for (Outcome[] r; (r = join.next()) != null; n++) {
        assertThat(r[0]).isNotNull();
        assertThat(r[1]).isNull();
      }
      assertThat(n).isEqualTo(100);
    }
  }

  @Test
  void refusesNoFilesAndANegativeWindow() {
    assertThatThrownBy(() -> OutcomeJoin.open(List.of(), 0, 0)).hasMessageContaining("files: none");
    assertThatThrownBy(() -> OutcomeJoin.open(List.of(dir.resolve("x")), -1, 0))
        .hasMessageContaining("windowNanos: -1");
  }
}
