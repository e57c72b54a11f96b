package dev.replaytwin.replay.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** {@code sha256:<hex>} over a capture's files in order, so a run names exactly what it replayed. */
final class CaptureDigest {
  private CaptureDigest() {}

  static String of(List<Path> files) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 20];
      for (Path f : files) {
        try (InputStream in = Files.newInputStream(f)) {
          for (int n; (n = in.read(buffer)) > 0; ) {
            sha.update(buffer, 0, n);
          }
        }
      }
      return "sha256:" + HexFormat.of().formatHex(sha.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
