package dev.replaytwin.core;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An immutable message body as captured: the bytes kept, and whether they are the whole body or a
 * prefix of a longer one (captures cap body size; the original length is then kept).
 *
 * <pre>{@code
 * Body whole = Body.of(bytes);
 * Body capped = Body.truncated(first256KiB, originalLength);
 * }</pre>
 */
public final class Body {
  public static final Body EMPTY = new Body(new byte[0], false, 0);

  private final byte[] bytes;
  private final boolean truncated;
  private final long originalLength;

  private Body(byte[] bytes, boolean truncated, long originalLength) {
    this.bytes = bytes;
    this.truncated = truncated;
    this.originalLength = originalLength;
  }

  /** A complete body; the array is copied. */
  public static Body of(byte[] bytes) {
    return bytes.length == 0 ? EMPTY : new Body(bytes.clone(), false, bytes.length);
  }

  /** A complete UTF-8 text body. */
  public static Body ofUtf8(String text) {
    return wrap(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The kept prefix of a body that was {@code originalLength} bytes long; the array is copied.
   *
   * @throws IllegalArgumentException when the prefix is not shorter than the original
   */
  public static Body truncated(byte[] prefix, long originalLength) {
    if (originalLength <= prefix.length) {
      throw new IllegalArgumentException(
          "originalLength: " + originalLength + " (expected: > kept length " + prefix.length + ")");
    }
    return new Body(prefix.clone(), true, originalLength);
  }

  /**
   * Takes ownership of {@code bytes} without copying. For decoders and producers that hand over a
   * fresh array and never touch it again.
   */
  public static Body wrap(byte[] bytes) {
    return bytes.length == 0 ? EMPTY : new Body(bytes, false, bytes.length);
  }

  /** Like {@link #truncated} but takes ownership of {@code prefix} without copying. */
  public static Body wrapTruncated(byte[] prefix, long originalLength) {
    if (originalLength <= prefix.length) {
      throw new IllegalArgumentException(
          "originalLength: " + originalLength + " (expected: > kept length " + prefix.length + ")");
    }
    return new Body(prefix, true, originalLength);
  }

  /** Number of bytes kept. */
  public int length() {
    return bytes.length;
  }

  public boolean isEmpty() {
    return bytes.length == 0;
  }

  /** True when only a prefix was kept. */
  public boolean isTruncated() {
    return truncated;
  }

  /** Length of the body as it was on the wire. */
  public long originalLength() {
    return originalLength;
  }

  /** A copy of the kept bytes. */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  /** A read-only view of the kept bytes. */
  public ByteBuffer asReadOnlyBuffer() {
    return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
  }


  public void writeTo(OutputStream out) throws IOException {
    out.write(bytes);
  }

  /** The kept bytes decoded as UTF-8 (malformed input replaced). */
  public String toUtf8() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Body other
        && truncated == other.truncated
        && originalLength == other.originalLength
        && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes) * 31 + Long.hashCode(originalLength);
  }

  @Override
  public String toString() {
    return truncated
        ? "Body[" + bytes.length + " of " + originalLength + " bytes]"
        : "Body[" + bytes.length + " bytes]";
  }
}
