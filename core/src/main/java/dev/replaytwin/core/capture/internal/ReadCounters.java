package dev.replaytwin.core.capture.internal;

import dev.replaytwin.core.capture.Codec;
import java.util.EnumSet;
import java.util.Set;

/** Counters that the segments of one capture add to as they are read. */
public final class ReadCounters {
  public long blocksRead;
  public long blocksSkipped;
  public long blocksCorrupt;
  public long compressedBytes;
  public long rawBytes;
  public long fileBytes;
  public long exchanges;
  public final Set<Codec> codecs = EnumSet.noneOf(Codec.class);
}
