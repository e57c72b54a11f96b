package dev.replaytwin.deploy.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replaytwin.deploy.internal.docker.JarNatives;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarNativesTest {
  private static final int X86_64 = 62;
  private static final int AARCH64 = 183;

  @TempDir Path dir;

  @Test
  void readsTheMachineOfAnElfHeaderInEitherByteOrder() {
    assertThat(JarNatives.machineOf(elf(X86_64, true))).isEqualTo(X86_64);
    assertThat(JarNatives.machineOf(elf(AARCH64, false))).isEqualTo(AARCH64);
    assertThat(JarNatives.machineOf("#!/bin/sh\necho not elf at all".getBytes())).isEqualTo(-1);
    assertThat(JarNatives.machineOf(new byte[] {0x7f, 'E'})).isEqualTo(-1);
  }

  @Test
  void extractsOnlyTheSharedObjectsBuiltForThisMachine() throws IOException {
    Path jar = dir.resolve("natives.jar");
    try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
      put(zip, "linux/amd64/libzstd-jni-1.5.7.so", elf(X86_64, true));
      put(zip, "linux/aarch64/libzstd-jni-1.5.7.so", elf(AARCH64, true));
      put(zip, "com/sun/jna/linux-x86-64/libjnidispatch.so.1", elf(X86_64, true));
      put(zip, "darwin/libzstd-jni.dylib", elf(X86_64, true));
      put(zip, "docs/not-a-library.so", "text".getBytes());
    }

    List<Path> found = JarNatives.extract(List.of(jar), X86_64, dir.resolve("out"));

    assertThat(found).extracting(p -> p.getFileName().toString())
        .containsExactly("0-libzstd-jni-1.5.7.so", "1-libjnidispatch.so.1");
    assertThat(found.get(0)).hasBinaryContent(elf(X86_64, true));
  }

  private static byte[] elf(int machine, boolean littleEndian) {
    byte[] header = new byte[64];
    header[0] = 0x7f;
    header[1] = 'E';
    header[2] = 'L';
    header[3] = 'F';
    header[4] = 2;
    header[5] = (byte) (littleEndian ? 1 : 2);
    header[littleEndian ? 18 : 19] = (byte) machine;
    header[littleEndian ? 19 : 18] = (byte) (machine >> 8);
    return header;
  }

  private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(bytes);
    zip.closeEntry();
  }
}
