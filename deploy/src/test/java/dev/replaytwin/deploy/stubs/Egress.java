package dev.replaytwin.deploy.stubs;

import dev.replaytwin.core.Body;
import dev.replaytwin.core.ContextTags;
import dev.replaytwin.core.Direction;
import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.Headers;
import dev.replaytwin.core.HttpRequest;
import dev.replaytwin.core.HttpResponse;
import dev.replaytwin.core.Timings;
import dev.replaytwin.core.capture.CaptureWriter;
import dev.replaytwin.core.capture.CaptureWriterOptions;
import dev.replaytwin.core.capture.FsyncPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Builds captures of calls to dependencies for tests, one exchange at a time, 10 ms apart. */
final class Egress {
  static final long T0 = 1_763_700_000_000_000_000L;

  private final List<Exchange> exchanges = new ArrayList<>();
  private long clockNanos = T0;

  /** An outbound JSON call answered with {@code status} and {@code responseJson} after {@code latencyMs}. */
  Egress call(String dependency, String method, String target, String requestJson, int status,
      String responseJson, double latencyMs) {
    Headers requestHeaders = requestJson.isEmpty() ? Headers.EMPTY : Headers.of("Content-Type", "application/json");
    return add(outbound(dependency, new HttpRequest(method, target, "HTTP/1.1", requestHeaders, Body.ofUtf8(requestJson)),
        new HttpResponse(status, Headers.of("Content-Type", "application/json", "Content-Length",
            Integer.toString(responseJson.length()), "Connection", "keep-alive", "X-Request-Id", "r-" + exchanges.size()),
            Body.ofUtf8(responseJson)), latencyMs));
  }

  /** An outbound exchange as given. */
  Egress add(String dependency, HttpRequest request, HttpResponse response, double latencyMs) {
    return add(outbound(dependency, request, response, latencyMs));
  }

  /** An inbound request (what the replayer will send again), answered 200. */
  Egress inbound(String method, String target, String body) {
    long t = tick();
    return add(Exchange.inbound("in-" + exchanges.size(), t, "c-1",
        new HttpRequest(method, target, "HTTP/1.1", body.isEmpty() ? Headers.EMPTY
            : Headers.of("Content-Type", "application/json"), Body.ofUtf8(body)),
        new HttpResponse(200, Headers.EMPTY, Body.EMPTY), new Timings(t, t + 1_000_000, t + 2_000_000)));
  }

  Egress add(Exchange e) {
    exchanges.add(e);
    return this;
  }

  List<Exchange> exchanges() {
    return List.copyOf(exchanges);
  }

  Path write(Path file) throws IOException {
    try (CaptureWriter w = CaptureWriter.open(file, CaptureWriterOptions.builder().fsync(FsyncPolicy.NEVER)
        .blockAge(Duration.ofHours(1)).build())) {
      for (Exchange e : exchanges) {
        w.append(e);
      }
    }
    return file;
  }

  private Exchange outbound(String dependency, HttpRequest request, HttpResponse response, double latencyMs) {
    long t = tick();
    long firstByte = t + Math.round(latencyMs * 1e6);
    return new Exchange("out-" + exchanges.size(), t, Direction.OUTBOUND, dependency, "u-1", request, response,
        new Timings(t, firstByte, firstByte + 100_000), ContextTags.EMPTY, List.of());
  }

  private long tick() {
    clockNanos += 10_000_000;
    return clockNanos;
  }
}
