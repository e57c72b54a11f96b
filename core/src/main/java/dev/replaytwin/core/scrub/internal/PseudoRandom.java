package dev.replaytwin.core.scrub.internal;

import javax.crypto.Mac;

/**
 * A deterministic stream of bytes for one input: {@code HMAC(key, input)}, then
 * {@code HMAC(key, first block || counter)} for as long as needed (HMAC in counter mode). Values are
 * drawn without bias by rejection. Not thread-safe; lives for one pseudonym.
 */
final class PseudoRandom {
  private final Mac mac;
  private final byte[] seed;
  private byte[] block;
  private int position;
  private int counter;

  PseudoRandom(Mac mac, byte[] input) {
    this.mac = mac;
    this.seed = mac.doFinal(input);
    this.block = seed;
  }

  int nextByte() {
    if (position == block.length) {
      counter++;
      mac.update(seed);
      mac.update(new byte[] {(byte) (counter >>> 24), (byte) (counter >>> 16), (byte) (counter >>> 8), (byte) counter});
      block = mac.doFinal();
      position = 0;
    }
    return block[position++] & 0xff;
  }

  /** Uniform in {@code [0, bound)}, {@code bound} at most 256. */
  int nextInt(int bound) {
    int limit = 256 - 256 % bound;
    int b;
    do {
      b = nextByte();
    } while (b >= limit);
    return b % bound;
  }

  char digit() {
    return (char) ('0' + nextInt(10));
  }

  char nonZeroDigit() {
    return (char) ('1' + nextInt(9));
  }

  char lower() {
    return (char) ('a' + nextInt(26));
  }

  char upper() {
    return (char) ('A' + nextInt(26));
  }

  char hex(boolean upperCase) {
    int v = nextInt(16);
    return (char) (v < 10 ? '0' + v : (upperCase ? 'A' : 'a') + v - 10);
  }

  byte[] bytes(int n) {
    byte[] out = new byte[n];
    for (int i = 0; i < n; i++) {
      out[i] = (byte) nextByte();
    }
    return out;
  }
}
