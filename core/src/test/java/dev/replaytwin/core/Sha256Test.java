package dev.replaytwin.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {
  /** {@code printf abc | sha256sum}. */
  private static final String ABC = "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

  @TempDir
  Path dir;

  @Test
  void digestsBytesAsSha256sumDoes() {
    assertThat(Sha256.of("abc".getBytes(StandardCharsets.US_ASCII))).isEqualTo(ABC);
  }

  @Test
  void digestsFilesOneAfterAnother() throws Exception {
    Path a = Files.writeString(dir.resolve("a"), "a");
    Path bc = Files.writeString(dir.resolve("bc"), "bc");
    assertThat(Sha256.ofFiles(List.of(a, bc))).isEqualTo(ABC);
  }
}
