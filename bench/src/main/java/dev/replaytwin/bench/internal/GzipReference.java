package dev.replaytwin.bench.internal;

import java.io.DataInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * The yardstick: the same raw record bytes compressed by the real {@code gzip -6} (and
 * decompressed by {@code gzip -d}), or by {@code java.util.zip.Deflater(6)} where there is no gzip.
 */
public final class GzipReference {
  private static final int KIND_DATA = 1;

  /**
   * What the reference tool did with the raw records.
   *
   * @param label which tool ran
   * @param inputBytes raw record bytes
   * @param outputBytes compressed size
   */
  public record Result(String label, long inputBytes, long outputBytes, Samples compress, Samples decompress) {
    public double ratio() {
      return (double) inputBytes / outputBytes;
    }
  }

  private GzipReference() {}

  /**
   * Extracts the raw records from {@code storedCapture} (a capture written with codec NONE) into a
   * file beside it, checks there are {@code rawBytes} of them, and compresses them {@code runs} times.
   */
  public static Result measure(Path storedCapture, long rawBytes, int runs) throws IOException,
      InterruptedException {
    Path raw = storedCapture.resolveSibling("bench-records.raw");
    Path packed = storedCapture.resolveSibling("bench-records.raw.gz");
    try {
      long extracted = extractRecords(storedCapture, raw);
      if (extracted != rawBytes) {
        throw new IllegalStateException(storedCapture + ": holds " + extracted + " raw bytes, expected " + rawBytes);
      }
      boolean gzip = onPath("gzip");
      long[] compress = new long[runs];
      long[] decompress = new long[runs];
      for (int i = 0; i < runs; i++) {
        long start = System.nanoTime();
        if (gzip) {
          run(new ProcessBuilder("gzip", "-6", "-c", raw.toString()).redirectOutput(packed.toFile()));
        } else {
          deflate(raw, packed);
        }
        compress[i] = System.nanoTime() - start;
        start = System.nanoTime();
        if (gzip) {
          run(new ProcessBuilder("gzip", "-d", "-c", packed.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD));
        } else {
          inflate(packed);
        }
        decompress[i] = System.nanoTime() - start;
      }
      String label = gzip ? "gzip -6" : "java.util.zip.Deflater(6) (no gzip on PATH)";
      return new Result(label, rawBytes, Files.size(packed), new Samples(compress), new Samples(decompress));
    } finally {
      Files.deleteIfExists(raw);
      Files.deleteIfExists(packed);
    }
  }

  /** True when an executable {@code name} is on the PATH. */
  public static boolean onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Copies the payloads of the data blocks of a stored (codec NONE) capture to {@code out}, skipping
   * the file header and block headers; returns the bytes copied.
   */
  static long extractRecords(Path capture, Path out) throws IOException {
    long total = 0;
    try (DataInputStream in = new DataInputStream(Files.newInputStream(capture));
        OutputStream os = Files.newOutputStream(out)) {
      byte[] preamble = new byte[16];
      in.readFully(preamble);
      int fieldsLength = ByteBuffer.wrap(preamble, 12, 4).getInt();
      in.skipNBytes(fieldsLength + 4L);
      byte[] head = new byte[44];
      byte[] payload = new byte[0];
      while (in.read(head, 0, 1) == 1) {
        in.readFully(head, 1, head.length - 1);
        ByteBuffer b = ByteBuffer.wrap(head);
        int kind = head[4];
        int codec = head[5];
        int payloadLength = b.getInt(12);
        if (kind == KIND_DATA && codec != 0) {
          throw new IllegalArgumentException(capture + ": block with codec " + codec + " (expected: a NONE capture)");
        }
        if (payload.length < payloadLength) {
          payload = new byte[payloadLength];
        }
        in.readFully(payload, 0, payloadLength);
        if (kind == KIND_DATA) {
          os.write(payload, 0, payloadLength);
          total += payloadLength;
        }
      }
    }
    return total;
  }

  private static void run(ProcessBuilder pb) throws IOException, InterruptedException {
    Process p = pb.redirectError(ProcessBuilder.Redirect.INHERIT).start();
    int exit = p.waitFor();
    if (exit != 0) {
      throw new IOException(String.join(" ", pb.command()) + " exited with " + exit);
    }
  }

  private static void deflate(Path raw, Path packed) throws IOException {
    Deflater deflater = new Deflater(6);
    try (InputStream in = Files.newInputStream(raw);
        OutputStream out = new DeflaterOutputStream(Files.newOutputStream(packed), deflater, 1 << 16)) {
      in.transferTo(out);
    } finally {
      deflater.end();
    }
  }

  private static void inflate(Path packed) throws IOException {
    Inflater inflater = new Inflater();
    try (InputStream in = new InflaterInputStream(Files.newInputStream(packed), inflater, 1 << 16)) {
      in.transferTo(OutputStream.nullOutputStream());
    } finally {
      inflater.end();
    }
  }
}
