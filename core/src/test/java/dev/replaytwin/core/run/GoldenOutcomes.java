package dev.replaytwin.core.run;

import dev.replaytwin.core.Body;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The content of the committed reference file {@code run/outcomes-v1.jsonl.zst}. It was written once
 * by {@link #main}; a format change that can no longer read it fails {@code OutcomeGoldenFileTest}.
 * Never regenerate it to make that test pass: old runs must stay readable.
 */
final class GoldenOutcomes {
  static final Path RESOURCE = Path.of("src/test/resources/run/outcomes-v1.jsonl.zst");
  private static final long T0 = 1_763_700_000_123_456_789L;

  private GoldenOutcomes() {}

  static List<Outcome> outcomes() {
    byte[] binary = new byte[64];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) (i * 7);
    }
    return List.of(
        new Outcome("golden-1", 0, "GET /users/{id}", "GET", T0, T0 + 41_000, 2_481_000, 2_440_000, 200,
            ErrorKind.NONE, "", 45, "sha256:5d41402abc4b2a76b9719d911017c592", "application/json; charset=utf-8",
            Body.ofUtf8("{\"id\":42,\"name\":\"Zoë\",\"city\":\"東京\",\"mood\":\"😀\"}")),
        new Outcome("golden-2", 0, "POST /orders", "POST", T0 + 1_000_000, T0 + 1_030_000, -1, -1, 0,
            ErrorKind.REFUSED, "Connection refused: orders.blue.internal/10.0.0.7:8080", -1, "", "", Body.EMPTY),
        new Outcome("golden-3", 0, "GET /files/{code}", "GET", T0 + 2_000_000, T0 + 2_010_000, 9_000_000, 8_990_000,
            200, ErrorKind.NONE, "", 1_048_576, "sha256:c3ab8ff13720e8ad9047dd39466b3c89", "application/octet-stream",
            Body.truncated(binary, 1_048_576)),
        new Outcome("golden-4", 1, "GET /search", "GET", T0 + 3_000_000, -1, -1, -1, 0, ErrorKind.DROPPED, "", -1,
            "", "", Body.EMPTY),
        new Outcome("golden-1", 1, "GET /users/{id}", "GET", T0 + 4_000_000, T0 + 4_050_000, 31_000_000,
            30_950_000, 503, ErrorKind.NONE, "", 0, "", "", Body.EMPTY),
        new Outcome("golden-5", 1, "PUT /notes/{id}", "PUT", T0 + 5_000_000, T0 + 5_020_000, 4_000_000, 3_980_000,
            201, ErrorKind.NONE, "", 31, "sha256:e3b0c44298fc1c149afbf4c8996fb924", "text/plain",
            Body.truncated("line one\nline \"two\"\ttab".getBytes(StandardCharsets.UTF_8), 31)));
  }

  /** Writes the reference file to {@code args[0]} (default: this module's test resources). */
  public static void main(String[] args) throws IOException {
    Path out = args.length > 0 ? Path.of(args[0]).resolve(RESOURCE.getFileName()) : RESOURCE;
    Files.deleteIfExists(out);
    // Two frames after the header's: the first three rows, then the rest.
    try (OutcomeWriter writer = OutcomeWriter.create(out)) {
      List<Outcome> all = outcomes();
      for (int i = 0; i < all.size(); i++) {
        writer.append(all.get(i));
        if (i == 2) {
          writer.flush();
        }
      }
    }
    System.out.println("wrote " + out + " (" + Files.size(out) + " bytes)");
  }
}
