package dev.replaytwin.junit;

import dev.replaytwin.core.Body;
import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.Headers;
import dev.replaytwin.core.HttpRequest;
import dev.replaytwin.core.HttpResponse;
import dev.replaytwin.core.Timings;
import dev.replaytwin.core.capture.CaptureWriter;
import dev.replaytwin.core.capture.CaptureWriterOptions;
import dev.replaytwin.core.capture.FsyncPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A capture as the capture proxy would have written it in front of the shop: product pages and
 * searches, each with the response the running shop really gave, 5 ms apart.
 */
final class ShopIncident {
  static final long T0 = 1_795_000_000_000_000_000L;

  private ShopIncident() {}

  /** Asks {@code shop} {@code count} requests and writes them, with its answers, to {@code file}. */
  static void record(URI shop, Path file, int count) throws IOException, InterruptedException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.deleteIfExists(file);
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    try (CaptureWriter w = CaptureWriter.open(file, CaptureWriterOptions.builder().fsync(FsyncPolicy.NEVER)
        .blockAge(Duration.ofHours(1)).build())) {
      for (int i = 0; i < count; i++) {
        String target = i % 4 == 3 ? "/search?q=" + (i % 2 == 0 ? "lamp" : "desk") : "/products/" + (1 + i % 40);
        var answer = client.send(java.net.http.HttpRequest.newBuilder(shop.resolve(target))
            .timeout(Duration.ofSeconds(10)).method("GET", BodyPublishers.noBody()).build(), BodyHandlers.ofByteArray());
        long at = T0 + i * 5_000_000L;
        HttpRequest request = new HttpRequest("GET", target, "HTTP/1.1", Headers.of("Host", "shop.example"), Body.EMPTY);
        HttpResponse response = new HttpResponse(answer.statusCode(),
            Headers.of("Content-Type", answer.headers().firstValue("content-type").orElse("")), Body.of(answer.body()));
        w.append(Exchange.inbound("x" + i, at, "c" + (i % 8), request, response,
            new Timings(at, at + 1_000_000, at + 2_000_000)));
      }
    }
  }
}
