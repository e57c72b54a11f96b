package dev.replaytwin.replay;

import dev.replaytwin.core.Body;
import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.Headers;
import dev.replaytwin.core.HttpRequest;
import dev.replaytwin.core.HttpResponse;
import dev.replaytwin.core.Nullable;
import dev.replaytwin.core.Timings;
import dev.replaytwin.core.capture.CaptureWriter;
import dev.replaytwin.core.capture.CaptureWriterOptions;
import dev.replaytwin.core.capture.FsyncPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Captures written for replay tests. */
final class Captures {
  /** 2026-11-22T00:00:00Z in epoch nanoseconds. */
  static final long T0 = 1_795_305_600_000_000_000L;

  private Captures() {}

  /** An inbound exchange captured {@code offsetMillis} after {@link #T0}. */
  static Exchange exchange(String id, long offsetMillis, String connection, String method, String target,
      Headers headers, String body, @Nullable HttpResponse response) {
    long at = T0 + offsetMillis * 1_000_000L;
    return Exchange.inbound(id, at, connection, new HttpRequest(method, target, "HTTP/1.1", headers, Body.ofUtf8(body)),
        response, new Timings(at, at + 1_000_000, at + 2_000_000));
  }

  static Exchange get(String id, long offsetMillis, String target) {
    return exchange(id, offsetMillis, "c-" + id, "GET", target, Headers.of("Host", "shop.example"), "",
        new HttpResponse(200, Headers.EMPTY, Body.ofUtf8("ok")));
  }

  static Path write(Path file, List<Exchange> exchanges) throws IOException {
    CaptureWriterOptions options = CaptureWriterOptions.builder().fsync(FsyncPolicy.NEVER)
        .blockAge(Duration.ofHours(1)).build();
    try (CaptureWriter writer = CaptureWriter.open(file, options)) {
      for (Exchange e : exchanges) {
        writer.append(e);
      }
    }
    return file;
  }
}
