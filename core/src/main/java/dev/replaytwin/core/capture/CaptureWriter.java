package dev.replaytwin.core.capture;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.capture.internal.BackgroundFsync;
import dev.replaytwin.core.capture.internal.BlockCompressor;
import dev.replaytwin.core.capture.internal.BlockHeader;
import dev.replaytwin.core.capture.internal.ByteSink;
import dev.replaytwin.core.capture.internal.ExchangeCodec;
import dev.replaytwin.core.capture.internal.FileHeaderCodec;
import dev.replaytwin.core.capture.internal.SealTimer;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;

/**
 * Appends exchanges to a {@code .twcap} capture. Records collect in an open block that is sealed
 * (compressed, checksummed, written) when it reaches {@link CaptureWriterOptions#blockBytes()} or
 * {@link CaptureWriterOptions#blockAge()}, so a crash loses at most the open block. Thread-safe.
 *
 * <pre>{@code
 * try (CaptureWriter writer = CaptureWriter.open(Path.of("prod.twcap"), CaptureWriterOptions.defaults())) {
 *   writer.append(exchange);
 * }
 * }</pre>
 *
 * <p>When a write fails, the file is cut back to its last sealed block, the open block's records are
 * lost (and counted in {@link Stats#recordsLost()}), and the exception is thrown; the writer stays
 * usable, so a capture survives a disk that was full for a while.
 */
public final class CaptureWriter implements Closeable {
  private final Path path;
  private final CaptureWriterOptions options;
  private final String captureId = UUID.randomUUID().toString();
  private final BlockCompressor compressor;
  private final ByteSink block;
  private ScheduledFuture<?> sealTask;
  private final List<Path> segmentsWritten = new ArrayList<>();
  private final BackgroundFsync fsync = new BackgroundFsync();

  private FileChannel channel;
  private int segment;
  private long segmentOpenedNanos;
  private long segmentBytes;
  private int segmentRecords;
  private long segmentFirst = Long.MAX_VALUE;
  private long segmentLast = Long.MIN_VALUE;

  private int blockRecords;
  private long blockFirst;
  private long blockLast;
  private long blockOpenedNanos;

  private long recordsWritten;
  private long recordsLost;
  private long blocksWritten;
  private long rawBytes;
  private long fileBytes;
  private boolean closed;

  private CaptureWriter(Path path, CaptureWriterOptions options) {
    this.path = path;
    this.options = options;
    this.compressor = BlockCompressor.create(options.codec(), options.level());
    this.block = new ByteSink(Math.min(options.blockBytes() + (options.blockBytes() >> 2), CaptureWriterOptions.MAX_BLOCK_BYTES));
  }

  /**
   * Creates the capture at {@code path} (or its first segment when the options rotate) and writes its
   * header.
   *
   * @throws FileAlreadyExistsException when the file exists and the options do not allow overwriting
   */
  public static CaptureWriter open(Path path, CaptureWriterOptions options) throws IOException {
    requireNonNull(path, "path");
    requireNonNull(options, "options");
    CaptureWriter writer = new CaptureWriter(path, options);
    try {
      writer.openSegment();
    } catch (IOException | RuntimeException e) {
      writer.compressor.close();
      throw e;
    }
    long tick = Math.max(10, options.blockAge().toMillis() / 4);
    writer.sealTask = SealTimer.schedule(writer::sealIfAged, tick);
    return writer;
  }

  /**
   * Adds one exchange to the open block; seals the block when it is full.
   *
   * @throws IOException when sealing failed (the block's records are lost and counted), or when a
   *     background fsync of an earlier block failed (this exchange is not added)
   */
  public synchronized void append(Exchange exchange) throws IOException {
    requireNonNull(exchange, "exchange");
    if (closed) {
      throw new IOException(path + ": writer is closed");
    }
    IOException fsyncFailure = fsync.takeFailure();
    if (fsyncFailure != null) {
      throw new IOException(path + ": fsync of sealed blocks failed: " + fsyncFailure.getMessage(), fsyncFailure);
    }
    if (blockRecords == 0) {
      blockOpenedNanos = System.nanoTime();
      blockFirst = Long.MAX_VALUE;
      blockLast = Long.MIN_VALUE;
    }
    int before = block.size();
    try {
      ExchangeCodec.encode(exchange, block);
    } catch (RuntimeException e) {
      block.truncate(before);
      throw e;
    }
    blockRecords++;
    long t = exchange.captureTimeNanos();
    blockFirst = Math.min(blockFirst, t);
    blockLast = Math.max(blockLast, t);
    if (block.size() >= options.blockBytes()) {
      seal();
    }
  }

  /** Seals the open block now, so everything appended so far is in the file. */
  public synchronized void flush() throws IOException {
    if (!closed) {
      seal();
    }
  }

  /** Seals the open block, writes the end-of-segment marker and closes the file. */
  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    sealTask.cancel(false);
    try {
      seal();
      finishSegment(false);
    } finally {
      compressor.close();
      if (channel != null) {
        channel.close();
      }
    }
  }

  public synchronized Stats stats() {
    return new Stats(recordsWritten, recordsLost, blockRecords, blocksWritten, rawBytes, fileBytes,
        List.copyOf(segmentsWritten));
  }

  /**
   * What a writer has done so far.
   *
   * @param recordsWritten records in sealed blocks, on disk
   * @param recordsLost records whose block could not be written
   * @param recordsPending records in the open block
   * @param rawBytes encoded record bytes before compression, sealed blocks only
   * @param fileBytes bytes written to files, headers included
   */
  public record Stats(long recordsWritten, long recordsLost, long recordsPending, long blocksWritten,
      long rawBytes, long fileBytes, List<Path> segments) {}

  private void sealIfAged() {
    synchronized (this) {
      if (closed || blockRecords == 0
          || System.nanoTime() - blockOpenedNanos < options.blockAge().toNanos()) {
        return;
      }
      try {
        seal();
      } catch (IOException | RuntimeException e) {
        // Already counted in recordsLost; the next append or flush reports the disk's state.
      }
    }
  }

  private void seal() throws IOException {
    if (blockRecords > 0) {
      int records = blockRecords;
      try {
        int length = compressor.compress(block.array(), block.size());
        byte[] payload = compressor.output();
        BlockHeader header = new BlockHeader(BlockHeader.KIND_DATA, compressor.codec().id(), 0, records,
            length, block.size(), blockFirst, blockLast, BlockHeader.crcOf(payload, 0, length));
        writeBlock(header, payload, length);
        if (options.fsync() == FsyncPolicy.EVERY_BLOCK) {
          fsync.request(channel);
        }
        recordsWritten += records;
        rawBytes += block.size();
        blocksWritten++;
        segmentRecords += records;
        segmentFirst = Math.min(segmentFirst, blockFirst);
        segmentLast = Math.max(segmentLast, blockLast);
      } catch (IOException | RuntimeException e) {
        recordsLost += records;
        throw e;
      } finally {
        block.reset();
        blockRecords = 0;
      }
    }
    if (!closed && options.rotates() && segmentDue()) {
      finishSegment(true);
      channel.close();
      segment++;
      openSegment();
    }
  }

  private boolean segmentDue() {
    return (options.rotateBytes() > 0 && segmentBytes >= options.rotateBytes())
        || (!options.rotateAge().isZero() && System.nanoTime() - segmentOpenedNanos >= options.rotateAge().toNanos());
  }

  private void writeBlock(BlockHeader header, byte[] payload, int length) throws IOException {
    ByteBuffer head = ByteBuffer.allocate(BlockHeader.SIZE);
    header.writeTo(head);
    head.flip();
    ByteBuffer body = ByteBuffer.wrap(payload, 0, length);
    long goodEnd = segmentBytes;
    try {
      while (head.hasRemaining() || body.hasRemaining()) {
        channel.write(new ByteBuffer[] {head, body});
      }
    } catch (IOException | RuntimeException e) {
      // Cut back to the last sealed block so a failed write never leaves a corrupt block mid-file.
      try {
        channel.truncate(goodEnd);
        channel.position(goodEnd);
      } catch (IOException ignored) {
        // The reader reports whatever could not be undone as a torn or corrupt block.
      }
      throw e;
    }
    long n = BlockHeader.SIZE + (long) length;
    segmentBytes += n;
    fileBytes += n;
  }

  private void finishSegment(boolean continued) throws IOException {
    if (channel == null || !channel.isOpen()) {
      return;
    }
    BlockHeader end = new BlockHeader(BlockHeader.KIND_END, 0, continued ? BlockHeader.FLAG_CONTINUED : 0,
        segmentRecords, 0, 0, segmentRecords == 0 ? 0 : segmentFirst, segmentRecords == 0 ? 0 : segmentLast,
        BlockHeader.crcOf(new byte[0], 0, 0));
    writeBlock(end, new byte[0], 0);
    if (options.fsync() != FsyncPolicy.NEVER) {
      channel.force(true);
    }
  }

  private void openSegment() throws IOException {
    Path file = options.rotates() ? CaptureFiles.segmentPath(path, segment) : path;
    Set<StandardOpenOption> open = EnumSet.of(StandardOpenOption.WRITE);
    open.add(options.overwrite() ? StandardOpenOption.CREATE : StandardOpenOption.CREATE_NEW);
    if (options.overwrite()) {
      open.add(StandardOpenOption.TRUNCATE_EXISTING);
    }
    channel = FileChannel.open(file, open);
    segmentsWritten.add(file);
    segmentOpenedNanos = System.nanoTime();
    segmentBytes = 0;
    segmentRecords = 0;
    segmentFirst = Long.MAX_VALUE;
    segmentLast = Long.MIN_VALUE;
    CaptureHeader header = new CaptureHeader(FileHeaderCodec.FORMAT_VERSION, Instant.now(), options.writerName(),
        options.scrubPolicyDigest(), options.context(), captureId, segment, Map.of());
    ByteBuffer bytes = ByteBuffer.wrap(FileHeaderCodec.encode(header));
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
    if (options.fsync() == FsyncPolicy.EVERY_BLOCK) {
      channel.force(true);
    }
    segmentBytes = bytes.capacity();
    fileBytes += bytes.capacity();
  }
}
