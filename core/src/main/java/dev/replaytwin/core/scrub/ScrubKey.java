package dev.replaytwin.core.scrub;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;

/**
 * The secret that keys pseudonyms (HMAC-SHA256). The same key gives the same pseudonym for the same
 * value in every record, file and process, so joins survive scrubbing; another key gives other
 * pseudonyms. The key is never written anywhere: not to captures, not into the policy digest, and
 * {@link #toString()} names only where it came from.
 *
 * <pre>{@code
 * ScrubKey key = ScrubKey.fromEnvironment().orElseGet(ScrubKey::ephemeral);
 * }</pre>
 *
 * <p>An {@link #ephemeral()} key lives as long as the process: pseudonyms are consistent within one
 * process and differ in the next, so captures made by two runs cannot be joined.
 */
public final class ScrubKey {
  /** Where {@link #fromEnvironment()} looks. */
  public static final String DEFAULT_ENVIRONMENT_VARIABLE = "TWIN_SCRUB_KEY";
  /** Shorter keys are refused: 16 bytes is 128 bits when random, e.g. {@code openssl rand -hex 32}. */
  public static final int MIN_BYTES = 16;
  private static final int EPHEMERAL_BYTES = 32;
  private static final long MAX_FILE_BYTES = 4096;

  private final byte[] secret;
  private final String origin;
  private final boolean ephemeral;

  private ScrubKey(byte[] secret, String origin, boolean ephemeral) {
    this.secret = secret;
    this.origin = origin;
    this.ephemeral = ephemeral;
  }

  /** The key in {@value #DEFAULT_ENVIRONMENT_VARIABLE}, if set. */
  public static Optional<ScrubKey> fromEnvironment() {
    return fromEnvironment(DEFAULT_ENVIRONMENT_VARIABLE);
  }

  /**
   * The key in an environment variable (its UTF-8 bytes), or empty when the variable is unset or
   * empty.
   *
   * @throws IllegalArgumentException when the value is shorter than {@value #MIN_BYTES} bytes
   */
  public static Optional<ScrubKey> fromEnvironment(String variable) {
    requireNonNull(variable, "variable");
    return fromEnvironmentValue(variable, System.getenv(variable));
  }

  static Optional<ScrubKey> fromEnvironmentValue(String variable, String value) {
    if (value == null || value.isEmpty()) {
      return Optional.empty();
    }
    String origin = "environment variable " + variable;
    return Optional.of(new ScrubKey(checked(value.getBytes(StandardCharsets.UTF_8), origin), origin, false));
  }

  /**
   * The key in a file: its bytes, without trailing line breaks (so {@code openssl rand -hex 32 > key}
   * works).
   *
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException when it holds fewer than {@value #MIN_BYTES} bytes, or more than 4 KiB
   */
  public static ScrubKey fromFile(Path file) throws IOException {
    requireNonNull(file, "file");
    String origin = "key file " + file;
    if (Files.size(file) > MAX_FILE_BYTES) {
      throw new IllegalArgumentException(origin + ": larger than 4 KiB (expected: a key of 16 to 4096 bytes)");
    }
    byte[] bytes = Files.readAllBytes(file);
    int end = bytes.length;
    while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
      end--;
    }
    byte[] secret = Arrays.copyOf(bytes, end);
    Arrays.fill(bytes, (byte) 0);
    return new ScrubKey(checked(secret, origin), origin, false);
  }

  /** A random key for this process only; see the class comment for what that means for joins. */
  public static ScrubKey ephemeral() {
    byte[] secret = new byte[EPHEMERAL_BYTES];
    new SecureRandom().nextBytes(secret);
    return new ScrubKey(secret, "ephemeral", true);
  }

  /**
   * A key from bytes held by the caller (copied).
   *
   * @throws IllegalArgumentException when shorter than {@value #MIN_BYTES} bytes
   */
  public static ScrubKey of(byte[] secret) {
    requireNonNull(secret, "secret");
    return new ScrubKey(checked(secret.clone(), "given bytes"), "given bytes", false);
  }

  /** True for a key made by {@link #ephemeral()}. */
  public boolean isEphemeral() {
    return ephemeral;
  }

  /** Where the key came from, e.g. {@code environment variable TWIN_SCRUB_KEY}; never the key. */
  public String origin() {
    return origin;
  }

  byte[] secret() {
    return secret.clone();
  }

  private static byte[] checked(byte[] secret, String origin) {
    if (secret.length < MIN_BYTES) {
      throw new IllegalArgumentException(origin + ": " + secret.length + " bytes (expected: at least " + MIN_BYTES
          + " bytes, e.g. from openssl rand -hex 32)");
    }
    return secret;
  }

  @Override
  public String toString() {
    return "ScrubKey[" + origin + "]";
  }
}
