package dev.replaytwin.deploy.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A HotSpot JVM's performance counters, read straight from the file it shares them in
 * ({@code /tmp/hsperfdata_<user>/<pid>}, the file {@code jstat} reads): GC time without starting a
 * jstat JVM per twin, which on a small machine cost seconds of CPU just as the replay began.
 *
 * <p>The file (HotSpot's {@code perfMemory.hpp}): a prologue (magic {@code 0xcafec0c0}, byte order,
 * version 2, …, the offset and count of entries), then entries of {@code length, name offset,
 * vector length, type, flags, units, variability, data offset}, each with a NUL-terminated name.
 * A JVM started with {@code -XX:-UsePerfData} has no file.
 */
public final class PerfCounters {
  private static final int MAGIC = 0xcafec0c0;
  private static final int MAX_FILE = 1 << 20;

  private PerfCounters() {}

  /**
   * The counters file of local process {@code pid}, looked up under {@code procRoot}: through the
   * process's own root (so a JVM in a container is found by the pid it has there), else in this
   * machine's {@code /tmp}; empty when there is none.
   */
  public static Optional<Path> find(Path procRoot, long pid) {
    Path dir = procRoot.resolve(Long.toString(pid));
    long nsPid = namespacePid(dir).orElse(pid);
    for (Path tmp : new Path[] {dir.resolve("root/tmp"), Path.of("/tmp")}) {
      long id = tmp.startsWith(dir) ? nsPid : pid;
      try (DirectoryStream<Path> users = Files.newDirectoryStream(tmp, "hsperfdata_*")) {
        for (Path user : users) {
          Path file = user.resolve(Long.toString(id));
          if (Files.isRegularFile(file)) {
            return Optional.of(file);
          }
        }
      } catch (IOException | SecurityException e) {
        // not readable from here: try the next place
      }
    }
    return Optional.empty();
  }

  /** The last pid of {@code NSpid:} in the process's status: its pid inside its own namespace. */
  private static Optional<Long> namespacePid(Path procDir) {
    try {
      for (String line : Files.readAllLines(procDir.resolve("status"), StandardCharsets.UTF_8)) {
        if (line.startsWith("NSpid:")) {
          String[] ids = line.substring(6).strip().split("\\s+");
          return Optional.of(Long.parseLong(ids[ids.length - 1]));
        }
      }
    } catch (IOException | NumberFormatException | SecurityException e) {
      // no status: same namespace assumed
    }
    return Optional.empty();
  }

  /**
   * Seconds of GC so far: the {@code sun.gc.collector.N.time} counters summed (young, old and
   * concurrent collectors, as jstat's GCT), over {@code sun.os.hrt.frequency}; -1 when the file
   * cannot be read or is not a counters file.
   */
  public static double gcSeconds(Path file) {
    ByteBuffer b;
    try {
      byte[] bytes = Files.readAllBytes(file);
      if (bytes.length > MAX_FILE) {
        return -1;
      }
      b = ByteBuffer.wrap(bytes);
    } catch (IOException | SecurityException | OutOfMemoryError e) {
      return -1;
    }
    try {
      return gcSeconds(b);
    } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
      return -1; // half-written or not a counters file
    }
  }

  static double gcSeconds(ByteBuffer b) {
    if (b.remaining() < 32 || b.getInt(0) != MAGIC) {
      return -1;
    }
    b.order(b.get(4) == 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    if (b.get(5) != 2) {
      return -1;
    }
    int offset = b.getInt(24);
    int entries = b.getInt(28);
    long ticks = 0;
    long frequency = 0;
    boolean anyCollector = false;
    for (int i = 0; i < entries && offset > 0 && offset + 20 <= b.limit(); i++) {
      int length = b.getInt(offset);
      if (length <= 0) {
        break;
      }
      String name = name(b, offset + b.getInt(offset + 4));
      int vectorLength = b.getInt(offset + 8);
      byte type = b.get(offset + 12);
      int data = offset + b.getInt(offset + 16);
      if (type == 'J' && vectorLength == 0) {
        if (name.equals("sun.os.hrt.frequency")) {
          frequency = b.getLong(data);
        } else if (name.startsWith("sun.gc.collector.") && name.endsWith(".time")) {
          ticks += b.getLong(data);
          anyCollector = true;
        }
      }
      offset += length;
    }
    return anyCollector && frequency > 0 ? (double) ticks / frequency : -1;
  }

  private static String name(ByteBuffer b, int at) {
    int end = at;
    while (end < b.limit() && b.get(end) != 0) {
      end++;
    }
    byte[] name = new byte[end - at];
    b.get(at, name);
    return new String(name, StandardCharsets.US_ASCII);
  }
}
