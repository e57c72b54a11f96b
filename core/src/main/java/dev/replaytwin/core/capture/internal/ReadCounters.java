package dev.replaytwin.core.capture.internal;

/** Counters that the segments of one capture add to as they are read. */
public final class ReadCounters {
  public long blocksRead;
  public long blocksSkipped;
  public long blocksCorrupt;
  public long compressedBytes;
  public long rawBytes;
  public long fileBytes;
  public long exchanges;
}
