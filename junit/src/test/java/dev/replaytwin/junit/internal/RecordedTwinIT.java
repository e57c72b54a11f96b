package dev.replaytwin.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.replaytwin.core.Body;
import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.Headers;
import dev.replaytwin.core.HttpRequest;
import dev.replaytwin.core.HttpResponse;
import dev.replaytwin.core.Timings;
import dev.replaytwin.core.capture.CaptureWriter;
import dev.replaytwin.core.capture.CaptureWriterOptions;
import dev.replaytwin.core.capture.FsyncPolicy;
import dev.replaytwin.core.run.TraceIds;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recorded twin on a real loopback socket, asked as the replayer asks: with its traceparent. */
class RecordedTwinIT {
  private static final long T0 = 1_795_000_000_000_000_000L;

  @TempDir
  Path tmp;

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void answersEachRequestWithTheResponseRecordedForIt() throws Exception {
    Path capture = tmp.resolve("c.twcap");
    try (CaptureWriter w = CaptureWriter.open(capture, CaptureWriterOptions.builder().fsync(FsyncPolicy.NEVER).build())) {
      w.append(exchange("ok", new HttpResponse(200, Headers.of("Content-Type", "application/json", "Content-Length",
          "999", "Cache-Control", "no-store"), Body.ofUtf8("{\"price\":12.5}"))));
      w.append(exchange("empty", new HttpResponse(204, Headers.EMPTY, Body.EMPTY)));
      w.append(exchange("broken", new HttpResponse(500, Headers.of("Content-Type", "text/plain"), Body.ofUtf8("boom"))));
      w.append(exchange("lost", null));
      w.append(new Exchange("out", T0, dev.replaytwin.core.Direction.OUTBOUND, "payments", "u", get("/v1"),
          new HttpResponse(200, Headers.EMPTY, Body.EMPTY), Timings.startedAt(T0),
          dev.replaytwin.core.ContextTags.EMPTY, java.util.List.of()));
    }
    RecordedResponses responses = RecordedResponses.read(capture, Long.MIN_VALUE, Long.MAX_VALUE);
    assertThat(responses.size()).as("inbound exchanges only").isEqualTo(4);

    try (RecordedTwin twin = RecordedTwin.start(responses)) {
      var ok = send(twin, "ok", "GET");
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.body()).isEqualTo("{\"price\":12.5}");
      assertThat(ok.headers().firstValue("content-type")).hasValue("application/json");
      assertThat(ok.headers().firstValue("cache-control")).hasValue("no-store");
      assertThat(ok.headers().allValues("content-length")).as("framing is the server's own").containsExactly("14");

      var head = send(twin, "ok", "HEAD");
      assertThat(head.statusCode()).isEqualTo(200);
      assertThat(head.body()).isEmpty();

      assertThat(send(twin, "empty", "GET").statusCode()).isEqualTo(204);
      var broken = send(twin, "broken", "GET");
      assertThat(broken.statusCode()).isEqualTo(500);
      assertThat(broken.body()).isEqualTo("boom");

      assertThatThrownBy(() -> send(twin, "lost", "GET")).as("production never answered").isInstanceOf(IOException.class);

      var unknown = send(twin, "never-captured", "GET");
      assertThat(unknown.statusCode()).isEqualTo(502);
      assertThat(unknown.body()).startsWith("replaytwin: no recorded response for this request");
      assertThat(twin.unknownRequests()).isEqualTo(1);
    }
  }

  private java.net.http.HttpResponse<String> send(RecordedTwin twin, String id, String method)
      throws IOException, InterruptedException {
    return client.send(java.net.http.HttpRequest.newBuilder(twin.url().resolve("/any/path"))
        .header(TraceIds.HEADER, TraceIds.traceparent(id, 0)).timeout(Duration.ofSeconds(10))
        .method(method, java.net.http.HttpRequest.BodyPublishers.noBody()).build(), BodyHandlers.ofString());
  }

  private static HttpRequest get(String path) {
    return new HttpRequest("GET", path, "HTTP/1.1", Headers.of("Host", "shop"), Body.EMPTY);
  }

  private static Exchange exchange(String id, HttpResponse response) {
    return Exchange.inbound(id, T0, "c1", get("/products/1"), response, Timings.startedAt(T0));
  }
}
