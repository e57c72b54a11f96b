package dev.replaytwin.core.capture;

import dev.replaytwin.core.Body;
import dev.replaytwin.core.ContextTags;
import dev.replaytwin.core.Direction;
import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.Headers;
import dev.replaytwin.core.HttpRequest;
import dev.replaytwin.core.HttpResponse;
import dev.replaytwin.core.Timings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The content of the committed golden captures {@code golden/v1-<codec>.twcap}. They were written
 * once by {@link #main}; a format change that can no longer read them fails {@code GoldenFileTest}.
 * Never regenerate them to make that test pass: old captures must stay readable.
 */
final class GoldenCapture {
  static final ContextTags CONTEXT =
      new ContextTags("shop", "prod", "eu-west-1", "1.4.2", Map.of("team", "checkout"));
  static final String WRITER = "replaytwin/golden-v1";
  static final String DIGEST = "sha256:5f1d0c0ffee";
  private static final long T0 = 1_763_700_000_123_456_789L;

  private GoldenCapture() {}

  static List<Exchange> exchanges() {
    byte[] binary = new byte[256];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) i;
    }
    return List.of(
        new Exchange("golden-1", T0, Direction.INBOUND, "", "c-1",
            new HttpRequest("GET", "/users/123/orders?page=2", "HTTP/1.1",
                Headers.of("Host", "shop.example", "Accept", "application/json", "Cookie", "a=1", "Cookie", "b=2"),
                Body.EMPTY),
            new HttpResponse(200, Headers.of("Content-Type", "application/json; charset=utf-8"),
                Body.ofUtf8("{\"orders\":[{\"id\":1,\"name\":\"Café crème\"}]}")),
            new Timings(T0, T0 + 1_200_000, T0 + 2_500_000), CONTEXT, List.of()),
        new Exchange("golden-2", T0 + 5_000_000, Direction.OUTBOUND, "payments", "up-7",
            new HttpRequest("POST", "https://api.payments.example/v1/charges", "HTTP/1.1",
                Headers.of("Content-Type", "application/json", "Authorization", "Bearer tok_REDACTED"),
                Body.ofUtf8("{\"amount\":1299,\"currency\":\"EUR\",\"card\":\"4111-XXXX\"}")),
            new HttpResponse(201, Headers.of("Content-Type", "application/json"), Body.ofUtf8("{\"status\":\"ok\"}")),
            new Timings(T0 + 5_000_000, T0 + 45_000_000, T0 + 46_000_000), CONTEXT, List.of("card-number", "bearer")),
        new Exchange("golden-3", T0 + 9_000_000, Direction.INBOUND, "", "c-2",
            new HttpRequest("PUT", "/files/日本語.bin", "HTTP/1.1", Headers.of("Content-Type", "application/octet-stream"),
                Body.truncated(binary, 1_048_576)),
            null, Timings.startedAt(T0 + 9_000_000), ContextTags.EMPTY, List.of()),
        new Exchange("golden-4", T0 + 12_000_000, Direction.INBOUND, "", "c-1",
            new HttpRequest("HEAD", "*", "HTTP/1.0", Headers.EMPTY, Body.EMPTY),
            new HttpResponse(503, Headers.of("Retry-After", "5", "X-Empty", ""), Body.of(binary)),
            new Timings(T0 + 12_000_000, Timings.NOT_RECORDED, T0 + 13_000_000), CONTEXT, List.of()));
  }

  static Path resource(Codec codec) {
    return Path.of("src/test/resources/golden/v1-" + codec.displayName() + ".twcap");
  }

  /** Writes the golden files into {@code args[0]} (default: this module's test resources). */
  public static void main(String[] args) throws IOException {
    for (Codec codec : Codec.values()) {
      Path out = args.length > 0 ? Path.of(args[0]).resolve(resource(codec).getFileName()) : resource(codec);
      Files.createDirectories(out.getParent());
      // Two blocks: the first three exchanges, then the last.
      try (CaptureWriter w = CaptureWriter.open(out, CaptureWriterOptions.builder().codec(codec).writerName(WRITER)
          .scrubPolicyDigest(DIGEST).context(CONTEXT).fsync(FsyncPolicy.ON_CLOSE).overwrite(true).build())) {
        List<Exchange> all = exchanges();
        for (int i = 0; i < all.size(); i++) {
          w.append(all.get(i));
          if (i == 2) {
            w.flush();
          }
        }
      }
      System.out.println("wrote " + out + " (" + Files.size(out) + " bytes)"
         );
    }
  }
}
