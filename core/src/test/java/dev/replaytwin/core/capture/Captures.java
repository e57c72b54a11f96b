package dev.replaytwin.core.capture;

import dev.replaytwin.core.Exchange;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Small helpers shared by the capture tests. */
final class Captures {
  private Captures() {}

  static void write(Path file, CaptureWriterOptions options, List<Exchange> exchanges) throws IOException {
    try (CaptureWriter w = CaptureWriter.open(file, options)) {
      for (Exchange e : exchanges) {
        w.append(e);
      }
    }
  }

  static List<Exchange> readAll(CaptureReader reader) throws IOException {
    List<Exchange> out = new ArrayList<>();
    for (Exchange e; (e = reader.next()) != null; ) {
      out.add(e);
    }
    return out;
  }

  static List<Exchange> readAll(Path file, ReadOptions options) throws IOException {
    try (CaptureReader r = CaptureReader.open(file, options)) {
      return readAll(r);
    }
  }

  /** Options that rotate into a new segment every ~20 KB, with 4 KiB blocks. */
  static CaptureWriterOptions rotating() {
    return CaptureWriterOptions.builder().blockBytes(4096).fsync(FsyncPolicy.NEVER)
        .rotateEvery(20_000, Duration.ZERO).build();
  }

  /** Options that seal small blocks so a few hundred exchanges make many blocks. */
  static CaptureWriterOptions smallBlocks(Codec codec) {
    return CaptureWriterOptions.builder().codec(codec).blockBytes(8 * 1024).fsync(FsyncPolicy.NEVER).build();
  }
}
