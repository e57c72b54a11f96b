package dev.replaytwin.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replaytwin.replay.ReplayProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {
  private static ReplayProgress at(long seconds, long lagNanos) {
    return new ReplayProgress(seconds * 1_000_000_000L, 60_000_000_000L, seconds * 1000, 1000, lagNanos, 1_000_000,
        List.of(new ReplayProgress.TargetProgress("baseline", seconds * 1000, 2, 0),
            new ReplayProgress.TargetProgress("candidate", seconds * 1000 - 1, 0, 1)));
  }

  @Test
  void aBarIsRedrawnInPlaceWithElapsedOfTotalRateLagAndErrorsPerTarget() {
    StringWriter out = new StringWriter();
    ProgressPrinter bar = new ProgressPrinter(new PrintWriter(out), ProgressPrinter.Mode.BAR);
    bar.onProgress(at(15, 300_000));
    bar.onProgress(at(30, 2_500_000));
    bar.finish();
    String[] frames = out.toString().split("\r");
    assertThat(frames).hasSize(3);
    assertThat(frames[1]).startsWith("[######                  ] 0:00:15/0:01:00  15,000 sent  1,000/s  lag p99 0.300 ms")
        .contains("baseline: 15,000 ok 2 err", "candidate: 14,999 ok 0 err").doesNotContain("over bound");
    assertThat(frames[2]).startsWith("[############            ] 0:00:30/0:01:00").contains("lag p99 2.500 ms (over bound!)")
        .endsWith(System.lineSeparator());
  }

  @Test
  void withoutATerminalAPlainLineComesEveryTenSeconds() {
    StringWriter out = new StringWriter();
    ProgressPrinter plain = new ProgressPrinter(new PrintWriter(out), ProgressPrinter.Mode.PLAIN);
    for (int s = 1; s <= 25; s++) {
      plain.onProgress(at(s, 100_000));
    }
    plain.finish();
    assertThat(out.toString().lines()).hasSize(3).allMatch(l -> l.startsWith("replay: 0:00:"))
        .extracting(l -> l.substring(8, 15)).containsExactly("0:00:01", "0:00:11", "0:00:21");
    assertThat(out.toString()).doesNotContain("\r", "[#");
  }

  @Test
  void noneSaysNothing() {
    StringWriter out = new StringWriter();
    ProgressPrinter none = new ProgressPrinter(new PrintWriter(out), ProgressPrinter.Mode.NONE);
    none.onProgress(at(1, 0));
    none.finish();
    assertThat(out.toString()).isEmpty();
  }
}
