package dev.replaytwin.core.capture.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the primitives written by {@link ByteSink} from a byte array slice. Every read is bounds
 * checked and fails with {@link MalformedRecordException}, never with an index error.
 */
public final class ByteSource {
  private final byte[] buf;
  private int pos;
  private int limit;

  public ByteSource(byte[] buf, int off, int len) {
    this.buf = buf;
    this.pos = off;
    this.limit = off + len;
  }

  public int position() {
    return pos;
  }

  public int limit() {
    return limit;
  }

  public boolean hasRemaining() {
    return pos < limit;
  }

  /** Narrows the readable end; returns the previous limit so it can be restored. */
  public int pushLimit(int newLimit) {
    if (newLimit > limit || newLimit < pos) {
      throw new MalformedRecordException("record length " + (newLimit - pos) + " overruns its block");
    }
    int old = limit;
    limit = newLimit;
    return old;
  }

  public void popLimit(int oldLimit) {
    pos = limit;
    limit = oldLimit;
  }

  public int readByte() {
    if (pos >= limit) {
      throw new MalformedRecordException("record ends early");
    }
    return buf[pos++] & 0xFF;
  }

  public long readVarLong() {
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = readByte();
      result |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
    }
    throw new MalformedRecordException("varint longer than 10 bytes");
  }

  public int readVarInt() {
    long v = readVarLong();
    if (v > Integer.MAX_VALUE || v < 0) {
      throw new MalformedRecordException("length " + v + " out of range");
    }
    return (int) v;
  }

  public long readSignedVarLong() {
    long v = readVarLong();
    return (v >>> 1) ^ -(v & 1);
  }

  private int checkedLength() {
    int n = readVarInt();
    if (n > limit - pos) {
      throw new MalformedRecordException("field of " + n + " bytes overruns its record");
    }
    return n;
  }

  public byte[] readLengthPrefixed() {
    int n = checkedLength();
    byte[] out = new byte[n];
    System.arraycopy(buf, pos, out, 0, n);
    pos += n;
    return out;
  }

  public String readString() {
    int n = checkedLength();
    String s = new String(buf, pos, n, StandardCharsets.UTF_8);
    pos += n;
    return s;
  }

  /**
   * Skips {@code expected} when the next bytes are exactly it; for fields that repeat from record to
   * record and whose encoding is self-delimiting.
   */
  public boolean skipIfNext(byte[] expected) {
    int end = pos + expected.length;
    if (end <= limit && Arrays.equals(buf, pos, end, expected, 0, expected.length)) {
      pos = end;
      return true;
    }
    return false;
  }

  /** A copy of the bytes from {@code start} to the current position. */
  public byte[] copyFrom(int start) {
    return Arrays.copyOfRange(buf, start, pos);
  }
}
