package dev.replaytwin.bench.internal;

import java.util.SplittableRandom;

/** Identifiers in the shapes real services emit, drawn from a seeded generator. */
public final class Ids {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final char[] BASE64URL =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();

  private Ids() {}

  /** A version-4 UUID in canonical form. */
  public static String uuid(SplittableRandom r) {
    long hi = (r.nextLong() & ~0xF000L) | 0x4000L;
    long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    StringBuilder sb = new StringBuilder(36);
    hex(sb, hi >>> 32, 8).append('-');
    hex(sb, hi >>> 16, 4).append('-');
    hex(sb, hi, 4).append('-');
    hex(sb, lo >>> 48, 4).append('-');
    hex(sb, lo, 12);
    return sb.toString();
  }

  /** A ULID: 48 bits of milliseconds then 80 random bits, Crockford base32. */
  public static String ulid(long epochMillis, SplittableRandom r) {
    char[] out = new char[26];
    long t = epochMillis;
    for (int i = 9; i >= 0; i--) {
      out[i] = CROCKFORD[(int) (t & 31)];
      t >>>= 5;
    }
    for (int i = 10; i < 26; i++) {
      out[i] = CROCKFORD[r.nextInt(32)];
    }
    return new String(out);
  }

  /** {@code n} lowercase hex digits. */
  public static String hex(SplittableRandom r, int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(HEX[r.nextInt(16)]);
    }
    return sb.toString();
  }

  /** {@code n} base64url characters, as in JWT segments and session cookies. */
  public static String base64url(SplittableRandom r, int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(BASE64URL[r.nextInt(64)]);
    }
    return sb.toString();
  }

  private static StringBuilder hex(StringBuilder sb, long v, int digits) {
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      sb.append(HEX[(int) (v >>> shift) & 15]);
    }
    return sb;
  }
}
