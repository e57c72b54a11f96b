package dev.replaytwin.core.capture.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte array with the primitive writes of the {@code .twcap} record encoding. */
public final class ByteSink {
  private byte[] buf;
  private int size;

  public ByteSink(int initialCapacity) {
    buf = new byte[Math.max(16, initialCapacity)];
  }

  public int size() {
    return size;
  }

  public byte[] array() {
    return buf;
  }

  public void reset() {
    size = 0;
  }

  /** Drops everything after {@code newSize}. */
  public void truncate(int newSize) {
    size = newSize;
  }

  private void ensure(int extra) {
    if (size + extra > buf.length) {
      long wanted = Math.max((long) buf.length * 2, (long) size + extra);
      if (wanted > Integer.MAX_VALUE - 16) {
        throw new IllegalStateException("record buffer over 2 GiB");
      }
      buf = Arrays.copyOf(buf, (int) wanted);
    }
  }

  public void writeByte(int b) {
    ensure(1);
    buf[size++] = (byte) b;
  }

  public void writeBytes(byte[] src, int off, int len) {
    ensure(len);
    System.arraycopy(src, off, buf, size, len);
    size += len;
  }

  /** The buffer's remaining bytes; its position is left where the copy ended. */
  public void writeBuffer(ByteBuffer src) {
    int len = src.remaining();
    ensure(len);
    src.get(buf, size, len);
    size += len;
  }

  /** Unsigned LEB128. */
  public void writeVarLong(long v) {
    ensure(10);
    while ((v & ~0x7FL) != 0) {
      buf[size++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buf[size++] = (byte) v;
  }

  public void writeVarInt(int v) {
    writeVarLong(v & 0xFFFFFFFFL);
  }

  /** ZigZag then LEB128, so small negative numbers stay short. */
  public void writeSignedVarLong(long v) {
    writeVarLong((v << 1) ^ (v >> 63));
  }

  /** Varint byte length, then the bytes. */
  public void writeLengthPrefixed(byte[] bytes) {
    writeVarInt(bytes.length);
    writeBytes(bytes, 0, bytes.length);
  }

  /** Varint byte length, then UTF-8. (The JDK's encoder is vectorised; a hand loop measured slower.) */
  public void writeString(String s) {
    writeLengthPrefixed(s.getBytes(StandardCharsets.UTF_8));
  }

  /** Reserves {@code 4} bytes for a length written later with {@link #putIntAt}. */
  public int reserveInt() {
    ensure(4);
    int at = size;
    size += 4;
    return at;
  }

  public void putIntAt(int at, int v) {
    buf[at] = (byte) (v >>> 24);
    buf[at + 1] = (byte) (v >>> 16);
    buf[at + 2] = (byte) (v >>> 8);
    buf[at + 3] = (byte) v;
  }
}
