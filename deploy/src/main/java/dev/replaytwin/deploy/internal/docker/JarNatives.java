package dev.replaytwin.deploy.internal.docker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The native libraries an application carries in its jars (zstd-jni, lz4-java, JNA, Netty's
 * transports) for this machine's CPU. They are unpacked and loaded at run time, so {@code ldd} on
 * the Java runtime never sees what they link: zstd-jni, for one, links {@code libpthread.so.0},
 * which the JDK does not.
 */
public final class JarNatives {
  private static final int ELF_HEADER = 20;

  private JarNatives() {}

  /**
   * Copies each shared object in {@code jars} built for {@code machine} (an ELF header's
   * {@code e_machine}, see {@link #machineOf}) into {@code dir}; returns the copies.
   */
  public static List<Path> extract(List<Path> jars, int machine, Path dir) throws IOException {
    List<Path> found = new ArrayList<>();
    Files.createDirectories(dir);
    for (Path jar : jars) {
      try (ZipFile zip = new ZipFile(jar.toFile())) {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
          ZipEntry entry = entries.nextElement();
          if (entry.isDirectory() || !isSharedObjectName(entry.getName())) {
            continue;
          }
          byte[] header;
          try (InputStream in = zip.getInputStream(entry)) {
            header = in.readNBytes(ELF_HEADER);
          }
          if (machineOf(header) != machine) {
            continue;
          }
          Path copy = dir.resolve(found.size() + "-" + Path.of(entry.getName()).getFileName());
          try (InputStream in = zip.getInputStream(entry)) {
            Files.copy(in, copy);
          }
          found.add(copy);
        }
      }
    }
    return found;
  }

  /** The {@code e_machine} of an ELF file's first bytes, or -1 when they are not ELF. */
  public static int machineOf(byte[] header) {
    if (header.length < ELF_HEADER || header[0] != 0x7f || header[1] != 'E' || header[2] != 'L' || header[3] != 'F') {
      return -1;
    }
    boolean littleEndian = header[5] == 1;
    int low = header[littleEndian ? 18 : 19] & 0xff;
    int high = header[littleEndian ? 19 : 18] & 0xff;
    return high << 8 | low;
  }

  /** The {@code e_machine} of {@code file}, e.g. the JDK's {@code bin/java}. */
  public static int machineOf(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return machineOf(in.readNBytes(ELF_HEADER));
    }
  }

  private static boolean isSharedObjectName(String name) {
    String file = name.substring(name.lastIndexOf('/') + 1);
    return file.endsWith(".so") || file.contains(".so.");
  }
}
