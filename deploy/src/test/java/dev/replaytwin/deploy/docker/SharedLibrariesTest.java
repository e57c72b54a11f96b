package dev.replaytwin.deploy.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replaytwin.deploy.internal.docker.SharedLibraries;
import org.junit.jupiter.api.Test;

class SharedLibrariesTest {
  /** ldd on two files of a jlinked runtime, as glibc 2.36 prints it. */
  private static final String LDD = """
      /tmp/rt/bin/java:
      \tlinux-vdso.so.1 (0x00007ffd5a5e2000)
      \tlibz.so.1 => /lib/x86_64-linux-gnu/libz.so.1 (0x00007f0a1c4a0000)
      \tlibjli.so => /tmp/rt/bin/../lib/libjli.so (0x00007f0a1c48c000)
      \tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f0a1c2ab000)
      \t/lib64/ld-linux-x86-64.so.2 (0x00007f0a1c4c6000)
      /tmp/rt/lib/libawt_xawt.so:
      \tlinux-vdso.so.1 (0x00007ffc1f3f4000)
      \tlibX11.so.6 => not found
      \tlibjvm.so => /tmp/rt/lib/server/libjvm.so (0x00007f6d5c200000)
      \tlibstdc++.so.6 => /lib/x86_64-linux-gnu/libstdc++.so.6 (0x00007f6d5be00000)
      \tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f6d5bc1f000)
      \t/lib64/ld-linux-x86-64.so.2 (0x00007f6d5d3a2000)
      """;

  @Test
  void findsEveryLinkedLibraryAndTheLoaderOnce() {
    SharedLibraries found = SharedLibraries.parse(LDD);

    assertThat(found.libraries()).containsExactly(
        "/lib/x86_64-linux-gnu/libc.so.6",
        "/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/lib/x86_64-linux-gnu/libz.so.1",
        "/lib64/ld-linux-x86-64.so.2",
        "/tmp/rt/bin/../lib/libjli.so",
        "/tmp/rt/lib/server/libjvm.so");
  }

  @Test
  void reportsWhatLddCannotFindAndSkipsTheKernelsVdso() {
    SharedLibraries found = SharedLibraries.parse(LDD);

    assertThat(found.missing()).containsExactly("libX11.so.6");
    assertThat(found.libraries()).noneMatch(l -> l.contains("vdso"));
  }

  @Test
  void readsMuslsFormatAndIgnoresStaticBinaries() {
    String musl = """
        \t/lib/ld-musl-x86_64.so.1 (0x7f5a7e8c4000)
        \tlibz.so.1 => /lib/libz.so.1 (0x7f5a7e8a6000)
        \tlibc.musl-x86_64.so.1 => /lib/ld-musl-x86_64.so.1 (0x7f5a7e8c4000)
        /tmp/static:
        \tnot a dynamic executable
        """;

    assertThat(SharedLibraries.parse(musl).libraries()).containsExactly("/lib/ld-musl-x86_64.so.1", "/lib/libz.so.1");
  }
}
