package dev.replaytwin.deploy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JstatTest {
  private static final String HEADER =
      "  S0     S1     E      O      M     CCS    YGC     YGCT    FGC    FGCT    CGC    CGCT     GCT   ";

  @Test
  void gcTimeIsTheGctColumn() {
    assertThat(Jstat.gcTime(HEADER,
        "  0.00 100.00  35.71  12.50  97.31  90.12      7     0.042     1     0.031     2     0.004     0.077"))
        .isEqualTo(0.077);
  }

  @Test
  void columnsJstatCannotFillAndCommaDecimalsAreRead() {
    assertThat(Jstat.gcTime(HEADER,
        "     -      -  35,71  12,50  97,31  90,12      7     0,042     1     0,031     -         -     0,073"))
        .isEqualTo(0.073);
  }

  @Test
  void linesThatAreNotDataAreUnknown() {
    assertThat(Jstat.gcTime(HEADER, "4242 not found")).isEqualTo(-1);
    assertThat(Jstat.gcTime("no such column", "1 2 3")).isEqualTo(-1);
  }

  @Test
  void javaLaunchersAreRecognisedByName() {
    assertThat(JvmGcSampler.isJavaLauncher("/usr/lib/jvm/java-17-openjdk-amd64/bin/java")).isTrue();
    assertThat(JvmGcSampler.isJavaLauncher("java")).isTrue();
    assertThat(JvmGcSampler.isJavaLauncher("/usr/bin/javac")).isFalse();
    assertThat(JvmGcSampler.isJavaLauncher("/opt/java/bin/node")).isFalse();
  }
}
