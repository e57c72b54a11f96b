package dev.replaytwin.cli;

import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.capture.CaptureWriter;
import dev.replaytwin.core.capture.CaptureWriterOptions;
import dev.replaytwin.core.capture.FsyncPolicy;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Writes capture files for CLI tests, and damages copies of them. */
final class TestCaptures {
  private TestCaptures() {}

  /** Options for tests: no fsync, blocks sealed only by size. */
  static CaptureWriterOptions.Builder options() {
    return CaptureWriterOptions.builder().fsync(FsyncPolicy.NEVER).blockAge(Duration.ofHours(1));
  }

  static Path write(Path file, List<Exchange> exchanges) throws IOException {
    return write(file, options().build(), exchanges);
  }

  static Path write(Path file, CaptureWriterOptions options, List<Exchange> exchanges) throws IOException {
    try (CaptureWriter writer = CaptureWriter.open(file, options)) {
      for (Exchange e : exchanges) {
        writer.append(e);
      }
    }
    return file;
  }

  /**
   * Writes {@code numbered(200)} as a capture rotated into small segments: {@code base} names the
   * capture, its files are {@code <stem>.00000.twcap}, {@code <stem>.00001.twcap}, ….
   */
  static Path writeRotated(Path base) throws IOException {
    return write(base, options().blockBytes(4096).rotateEvery(1024, Duration.ZERO).build(), numbered(200));
  }

  /**
   * {@code n} inbound exchanges 10 ms apart from {@link TestExchange#T0}, ids {@code ex-0000}...,
   * targets {@code /items/<i>}, each with a 300-byte text body so that small blocks fill quickly.
   */
  static List<Exchange> numbered(int n) {
    List<Exchange> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(TestExchange.get("/items/" + i)
          .id(String.format("ex-%04d", i))
          .at(TestExchange.T0.plusMillis(10L * i))
          .responseBody("{\"item\":" + i + ",\"pad\":\"" + "x".repeat(300) + "\"}")
          .build());
    }
    return out;
  }

  /** A copy of {@code source} with the byte at {@code offset} inverted. */
  static Path copyWithFlippedByte(Path source, Path target, long offset) throws IOException {
    byte[] bytes = Files.readAllBytes(source);
    bytes[Math.toIntExact(offset)] ^= (byte) 0xFF;
    return Files.write(target, bytes);
  }

  /** A copy of {@code source} cut to {@code size} bytes, as a killed writer leaves it. */
  static Path copyTruncated(Path source, Path target, long size) throws IOException {
    Files.copy(source, target);
    try (FileChannel channel = FileChannel.open(target, StandardOpenOption.WRITE)) {
      channel.truncate(size);
    }
    return target;
  }
}
