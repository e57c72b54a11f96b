package dev.replaytwin.deploy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcStatTest {
  // A real line's shape: pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt
  // cmajflt utime stime cutime cstime priority nice num_threads …; this comm has spaces and parens.
  private static final String STAT = "4242 (my (odd) twin) S 1 4242 4242 0 -1 4194560 15863 0 12 0 "
      + "1250 310 40 7 20 0 41 0 123456 4321239040 100602 18446744073709551615 1 1 0 0 0 0 0 4096 17922 0 0 0 17 "
      + "1 0 0 0 0 0\n";

  private static final String STATUS = """
      Name:\tjava
      Umask:\t0022
      State:\tS (sleeping)
      Pid:\t4242
      VmPeak:\t 4321240 kB
      VmRSS:\t  402432 kB
      RssAnon:\t  380000 kB
      Threads:\t41
      """;

  @Test
  void cpuTicksSumUserSystemAndWaitedForChildrenAfterTheLastParenthesis() {
    assertThat(ProcStat.cpuTicks(STAT)).isEqualTo(1250 + 310 + 40 + 7);
  }

  @Test
  void statThatIsCutShortOrNotNumericIsUnknown() {
    assertThat(ProcStat.cpuTicks("4242 (java) S 1 4242")).isEqualTo(-1);
    assertThat(ProcStat.cpuTicks("no parenthesis at all")).isEqualTo(-1);
    assertThat(ProcStat.cpuTicks(STAT.replace(" 1250 ", " x "))).isEqualTo(-1);
  }

  @Test
  void statusGivesResidentBytesAndThreads() {
    assertThat(ProcStat.rssBytes(STATUS)).isEqualTo(402_432L * 1024);
    assertThat(ProcStat.threads(STATUS)).isEqualTo(41);
  }

  @Test
  void kernelThreadHasNoResidentMemory() {
    String kthread = "Name:\tkworker/0:1\nState:\tI (idle)\nThreads:\t1\n";
    assertThat(ProcStat.rssBytes(kthread)).isEqualTo(-1);
    assertThat(ProcStat.threads(kthread)).isEqualTo(1);
    assertThat(ProcStat.threads("")).isEqualTo(-1);
  }
}
