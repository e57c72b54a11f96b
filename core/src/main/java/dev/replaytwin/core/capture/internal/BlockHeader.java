package dev.replaytwin.core.capture.internal;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The fixed 44-byte header in front of every block (big-endian):
 *
 * <pre>
 *  0  4  magic "TWBK"
 *  4  1  kind: 1 data, 2 end of segment
 *  5  1  codec id
 *  6  2  flags (end block: bit 0 = capture continues in the next segment)
 *  8  4  record count (end block: records in the whole segment)
 * 12  4  payload length, compressed
 * 16  4  payload length, uncompressed
 * 20  8  earliest capture time in the block, epoch nanos
 * 28  8  latest capture time in the block, epoch nanos
 * 36  4  CRC32C of the payload
 * 40  4  CRC32C of bytes 0..39
 * </pre>
 *
 * The header's own checksum makes its lengths and times trustworthy before any payload is read,
 * which is what lets readers skip blocks by time and tell a torn tail from a corrupt block.
 */
public record BlockHeader(
    int kind, int codecId, int flags, int recordCount, int payloadLength, int rawLength,
    long firstCaptureNanos, long lastCaptureNanos, int payloadCrc) {

  public static final int SIZE = 44;
  public static final int MAGIC = 0x5457424B; // "TWBK"
  public static final int KIND_DATA = 1;
  public static final int KIND_END = 2;
  public static final int FLAG_CONTINUED = 1;

  public boolean isEnd() {
    return kind == KIND_END;
  }

  /** Writes the 44 bytes at the buffer's position. */
  public void writeTo(ByteBuffer out) {
    int start = out.position();
    out.putInt(MAGIC)
        .put((byte) kind)
        .put((byte) codecId)
        .putShort((short) flags)
        .putInt(recordCount)
        .putInt(payloadLength)
        .putInt(rawLength)
        .putLong(firstCaptureNanos)
        .putLong(lastCaptureNanos)
        .putInt(payloadCrc);
    CRC32C crc = new CRC32C();
    crc.update(out.array(), out.arrayOffset() + start, SIZE - 4);
    out.putInt((int) crc.getValue());
  }

  /**
   * Parses 44 bytes at {@code buf[off..]}; {@code null} when the magic or the header checksum is
   * wrong, or a length is negative.
   */
  public static BlockHeader parse(byte[] buf, int off) {
    ByteBuffer b = ByteBuffer.wrap(buf, off, SIZE);
    if (b.getInt() != MAGIC) {
      return null;
    }
    CRC32C crc = new CRC32C();
    crc.update(buf, off, SIZE - 4);
    if ((int) crc.getValue() != ByteBuffer.wrap(buf, off + SIZE - 4, 4).getInt()) {
      return null;
    }
    BlockHeader h = new BlockHeader(b.get() & 0xFF, b.get() & 0xFF, b.getShort() & 0xFFFF, b.getInt(),
        b.getInt(), b.getInt(), b.getLong(), b.getLong(), b.getInt());
    return h.payloadLength < 0 || h.rawLength < 0 || h.recordCount < 0 ? null : h;
  }

  public static int crcOf(byte[] buf, int off, int len) {
    CRC32C crc = new CRC32C();
    crc.update(buf, off, len);
    return (int) crc.getValue();
  }
}
