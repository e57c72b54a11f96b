package dev.replaytwin.core.scrub.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under the scrub key, the one source of every pseudonym. Thread-safe: each thread
 * gets its own {@link Mac}, created on first use.
 */
public final class KeyedHash {
  private static final String ALGORITHM = "HmacSHA256";

  private final ThreadLocal<Mac> macs;

  public KeyedHash(byte[] key) {
    SecretKeySpec spec = new SecretKeySpec(key, ALGORITHM);
    newMac(spec);
    this.macs = ThreadLocal.withInitial(() -> newMac(spec));
  }

  /**
   * The pseudo-random stream for one value of one kind. {@code attempt} picks another stream for
   * the same value when a candidate pseudonym has to be rejected.
   */
  PseudoRandom random(String kind, String value, int attempt) {
    byte[] kindBytes = kind.getBytes(StandardCharsets.US_ASCII);
    byte[] valueBytes = value.getBytes(StandardCharsets.UTF_8);
    byte[] input = new byte[kindBytes.length + 2 + valueBytes.length];
    System.arraycopy(kindBytes, 0, input, 0, kindBytes.length);
    input[kindBytes.length] = 0;
    input[kindBytes.length + 1] = (byte) attempt;
    System.arraycopy(valueBytes, 0, input, kindBytes.length + 2, valueBytes.length);
    return new PseudoRandom(macs.get(), input);
  }

  private static Mac newMac(SecretKeySpec spec) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(spec);
      return mac;
    } catch (InvalidKeyException e) {
      throw new IllegalArgumentException("key: not usable for " + ALGORITHM, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
    }
  }

  @Override
  public String toString() {
    return "KeyedHash[" + ALGORITHM + "]";
  }
}
