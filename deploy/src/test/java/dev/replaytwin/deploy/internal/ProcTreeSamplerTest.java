package dev.replaytwin.deploy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcTreeSamplerTest {
  @TempDir
  Path proc;

  private void fakeProcess(long pid, long utime, long stime, long rssKb, int threads, int fds) throws IOException {
    Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)));
    Files.writeString(dir.resolve("stat"), pid + " (java) S 1 1 1 0 -1 0 0 0 0 0 " + utime + " " + stime
        + " 0 0 20 0 " + threads + " 0 1 2 3\n");
    Files.writeString(dir.resolve("status"), "Name:\tjava\nVmRSS:\t" + rssKb + " kB\nThreads:\t" + threads + "\n");
    Path fd = Files.createDirectories(dir.resolve("fd"));
    for (int i = 0; i < fds; i++) {
      Files.createFile(fd.resolve(Integer.toString(i)));
    }
  }

  @Test
  void sumsTheTreeAndConvertsTicksToSeconds() throws IOException {
    fakeProcess(10, 150, 50, 1000, 3, 4);
    fakeProcess(11, 100, 0, 24, 30, 6);
    ProcTreeSampler.Figures f = new ProcTreeSampler(proc, 100).sample(List.of(10L, 11L));
    assertThat(f.cpuSeconds()).isEqualTo(3.0);
    assertThat(f.rssBytes()).isEqualTo(1024L * 1024);
    assertThat(f.threads()).isEqualTo(33);
    assertThat(f.openFiles()).isEqualTo(10);
  }

  @Test
  void processThatVanishedIsSkippedAndNothingReadableIsUnknown() throws IOException {
    fakeProcess(10, 250, 0, 8, 1, 2);
    ProcTreeSampler sampler = new ProcTreeSampler(proc, 250);
    assertThat(sampler.sample(List.of(10L, 99L))).isEqualTo(new ProcTreeSampler.Figures(1.0, 8192, 1, 2));
    assertThat(sampler.sample(List.of(99L))).isEqualTo(ProcTreeSampler.Figures.UNKNOWN);
    assertThat(sampler.sample(List.of())).isEqualTo(ProcTreeSampler.Figures.UNKNOWN);
  }
}
