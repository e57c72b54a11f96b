package dev.replaytwin.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * SHA-256 digests as twin writes them everywhere (captures, run manifests, outcome rows, policies,
 * verdicts): {@code sha256:} and 64 lower-case hex digits.
 */
public final class Sha256 {
  public static final String PREFIX = "sha256:";

  private Sha256() {}

  /** A fresh SHA-256 digest, for feeding bytes as they come. */
  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** {@code hash} (32 bytes from a SHA-256 digest) as text. */
  public static String text(byte[] hash) {
    return PREFIX + HexFormat.of().formatHex(hash);
  }

  /** The digest of {@code bytes}. */
  public static String of(byte[] bytes) {
    return text(newDigest().digest(bytes));
  }

  /** The digest of {@code files}' contents, one after another, read in 1 MiB steps. */
  public static String ofFiles(List<Path> files) throws IOException {
    MessageDigest sha = newDigest();
    byte[] buffer = new byte[1 << 20];
    for (Path f : files) {
      try (InputStream in = Files.newInputStream(f)) {
        for (int n; (n = in.read(buffer)) > 0; ) {
          sha.update(buffer, 0, n);
        }
      }
    }
    return text(sha.digest());
  }
}
