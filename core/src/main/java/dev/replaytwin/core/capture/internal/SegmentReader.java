package dev.replaytwin.core.capture.internal;

import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.capture.CaptureFormatException;
import dev.replaytwin.core.capture.CaptureHeader;
import dev.replaytwin.core.capture.CaptureProblem;
import dev.replaytwin.core.capture.Codec;
import dev.replaytwin.core.capture.ReadOptions;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads one {@code .twcap} file block by block, holding one block at a time: memory stays flat
 * whatever the file size. Blocks outside the time range are skipped by their headers alone.
 */
public final class SegmentReader implements Closeable {
  private static final int SCAN_CHUNK = 64 * 1024;

  private final Path file;
  private final FileChannel channel;
  private final long size;
  private final ReadOptions options;
  private final Consumer<CaptureProblem> problems;
  private final CaptureHeader header;
  private final Map<Codec, BlockCompressor> compressors = new EnumMap<>(Codec.class);
  private final byte[] headBuf = new byte[BlockHeader.SIZE];
  private final ExchangeCodec.Decoder decoder = new ExchangeCodec.Decoder();
  private byte[] payload = new byte[0];
  private byte[] raw = new byte[0];
  private long pos;
  private boolean done;
  private boolean sawEnd;
  private boolean continued;

  private final ReadCounters counters;

  private SegmentReader(Path file, FileChannel channel, ReadOptions options, Consumer<CaptureProblem> problems,
      ReadCounters counters) throws IOException {
    this.file = file;
    this.channel = channel;
    this.size = channel.size();
    counters.fileBytes += size;
    this.options = options;
    this.problems = problems;
    this.counters = counters;
    this.header = readFileHeader();
  }

  /**
   * Opens {@code file} and reads its header.
   *
   * @throws CaptureFormatException when the file is not a capture, or of an unknown version
   */
  public static SegmentReader open(Path file, ReadOptions options, Consumer<CaptureProblem> problems, ReadCounters counters)
      throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    try {
      return new SegmentReader(file, channel, options, problems, counters);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  public CaptureHeader header() {
    return header;
  }

  public long size() {
    return size;
  }

  /** True once an end marker said the capture continues in another segment. */
  public boolean continued() {
    return continued;
  }

  private CaptureHeader readFileHeader() throws IOException {
    byte[] pre = new byte[FileHeaderCodec.PREAMBLE];
    int got = readUpTo(pre, 0, pre.length, 0);
    if (!FileHeaderCodec.hasMagic(pre, got)) {
      throw new CaptureFormatException(file, -1, file + ": not a ReplayTwin capture (no .twcap signature"
          + (got == 0 ? "; the file is empty)" : ")"));
    }
    if (got < pre.length) {
      throw new CaptureFormatException(file, got, file + ": capture header cut short at byte " + got);
    }
    ByteBuffer b = ByteBuffer.wrap(pre, 8, 8);
    int version = b.getShort() & 0xFFFF;
    b.getShort();
    int fieldsLength = b.getInt();
    if (version != FileHeaderCodec.FORMAT_VERSION) {
      throw new CaptureFormatException(file, 8, file + ": capture format version " + version
          + " is not readable by this ReplayTwin (reads version " + FileHeaderCodec.FORMAT_VERSION
          + "); upgrade ReplayTwin");
    }
    if (fieldsLength < 0 || fieldsLength > FileHeaderCodec.MAX_FIELDS_LENGTH) {
      throw new CaptureFormatException(file, 12, file + ": corrupt capture header (field length " + fieldsLength + ")");
    }
    byte[] whole = new byte[FileHeaderCodec.PREAMBLE + fieldsLength + 4];
    if (readUpTo(whole, 0, whole.length, 0) < whole.length) {
      throw new CaptureFormatException(file, size, file + ": capture header cut short at byte " + size);
    }
    int stored = ByteBuffer.wrap(whole, whole.length - 4, 4).getInt();
    if (stored != BlockHeader.crcOf(whole, 0, whole.length - 4)) {
      throw new CaptureFormatException(file, 0, file + ": corrupt capture header (checksum mismatch)");
    }
    byte[] fields = new byte[fieldsLength];
    System.arraycopy(whole, FileHeaderCodec.PREAMBLE, fields, 0, fieldsLength);
    pos = whole.length;
    try {
      return FileHeaderCodec.decodeFields(version, fields);
    } catch (MalformedRecordException e) {
      throw new CaptureFormatException(file, FileHeaderCodec.PREAMBLE, file + ": " + e.getMessage());
    }
  }

  /**
   * The exchanges of the next block that has any in range; {@code null} at the end of the file.
   *
   * @throws CaptureFormatException.Corrupt on a corrupt block, unless skipping was asked for
   */
  public List<Exchange> nextBlock() throws IOException {
    while (!done) {
      long remaining = size - pos;
      if (remaining == 0) {
        if (!sawEnd) {
          problems.accept(new CaptureProblem.Unterminated(file));
        }
        done = true;
        break;
      }
      if (remaining < BlockHeader.SIZE) {
        torn(remaining);
        break;
      }
      readFully(headBuf, BlockHeader.SIZE, pos);
      BlockHeader h = BlockHeader.parse(headBuf, 0);
      if (h == null) {
        corrupt(pos, "block header checksum mismatch", -1);
        continue;
      }
      long blockEnd = pos + BlockHeader.SIZE + h.payloadLength();
      if (blockEnd > size) {
        torn(remaining);
        break;
      }
      if (h.isEnd()) {
        sawEnd = true;
        continued = (h.flags() & BlockHeader.FLAG_CONTINUED) != 0;
        pos = blockEnd;
        continue;
      }
      if (h.recordCount() > 0 && !options.overlaps(h.firstCaptureNanos(), h.lastCaptureNanos())) {
        counters.blocksSkipped++;
        pos = blockEnd;
        continue;
      }
      List<Exchange> out = decodeBlock(h, blockEnd);
      if (out != null) {
        pos = blockEnd;
        if (!out.isEmpty()) {
          return out;
        }
      }
    }
    return null;
  }

  /** Decodes the block at {@link #pos}; {@code null} when it was corrupt and skipped. */
  private List<Exchange> decodeBlock(BlockHeader h, long blockEnd) throws IOException {
    long at = pos;
    if (payload.length < h.payloadLength()) {
      payload = new byte[h.payloadLength()];
    }
    readFully(payload, h.payloadLength(), at + BlockHeader.SIZE);
    if (BlockHeader.crcOf(payload, 0, h.payloadLength()) != h.payloadCrc()) {
      corrupt(at, "payload checksum mismatch", blockEnd);
      return null;
    }
    Codec codec = Codec.byId(h.codecId());
    if (codec == null) {
      corrupt(at, "unknown codec " + h.codecId() + "; written by a newer ReplayTwin?", blockEnd);
      return null;
    }
    if (raw.length < h.rawLength()) {
      raw = new byte[h.rawLength()];
    }
    List<Exchange> out = new ArrayList<>(h.recordCount());
    try {
      compressors.computeIfAbsent(codec, c -> BlockCompressor.create(c, c.defaultLevel()))
          .decompress(payload, h.payloadLength(), raw, h.rawLength());
      ByteSource in = new ByteSource(raw, 0, h.rawLength());
      int records = 0;
      while (in.hasRemaining()) {
        Exchange e = decoder.decode(in);
        records++;
        if (e != null && options.contains(e.captureTimeNanos())) {
          out.add(e);
        }
      }
      if (records != h.recordCount()) {
        throw new MalformedRecordException(records + " records where the header says " + h.recordCount());
      }
    } catch (IOException | MalformedRecordException e) {
      corrupt(at, e.getMessage(), blockEnd);
      return null;
    }
    counters.blocksRead++;
    counters.compressedBytes += h.payloadLength();
    counters.rawBytes += h.rawLength();
    counters.codecs.add(codec);
    return out;
  }

  private void torn(long bytes) {
    problems.accept(new CaptureProblem.TornTail(file, pos, bytes));
    done = true;
  }

  /**
   * Fails, or (when skipping) reports and moves to {@code next}: the next block when the damaged
   * one's header was sound, else the next place a valid block header is found.
   */
  private void corrupt(long at, String reason, long next) throws IOException {
    if (!options.skipCorrupt()) {
      throw new CaptureFormatException.Corrupt(file, at, reason);
    }
    problems.accept(new CaptureProblem.CorruptBlock(file, at, reason));
    counters.blocksCorrupt++;
    pos = next >= 0 ? next : resync(at + 1);
  }

  /** Offset of the next valid block header at or after {@code from}, or the end of the file. */
  private long resync(long from) throws IOException {
    byte[] chunk = new byte[SCAN_CHUNK + BlockHeader.SIZE];
    long base = from;
    while (base + BlockHeader.SIZE <= size) {
      int n = readUpTo(chunk, 0, chunk.length, base);
      for (int i = 0; i + BlockHeader.SIZE <= n; i++) {
        if (chunk[i] == 'T' && chunk[i + 1] == 'W' && chunk[i + 2] == 'B' && chunk[i + 3] == 'K'
            && BlockHeader.parse(chunk, i) != null) {
          return base + i;
        }
      }
      base += Math.max(1, n - BlockHeader.SIZE + 1);
    }
    // Nothing after the damage looks like a block: the rest of the file is lost with it.
    sawEnd = true;
    return size;
  }

  private void readFully(byte[] dst, int len, long at) throws IOException {
    if (readUpTo(dst, 0, len, at) < len) {
      throw new EOFException(file + ": shrank while being read at byte " + at);
    }
  }

  private int readUpTo(byte[] dst, int off, int len, long at) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(dst, off, len);
    int total = 0;
    while (buf.hasRemaining()) {
      int n = channel.read(buf, at + total);
      if (n < 0) {
        break;
      }
      total += n;
    }
    return total;
  }

  @Override
  public void close() throws IOException {
    compressors.values().forEach(BlockCompressor::close);
    channel.close();
  }
}
