package dev.replaytwin.core.capture;

import java.util.Set;

/**
 * Running totals of what a {@link CaptureReader} has gone through so far.
 *
 * @param blocksRead data blocks decoded
 * @param blocksSkipped data blocks passed over unread because their time span is outside the range
 * @param blocksCorrupt blocks skipped as corrupt
 * @param compressedBytes payload bytes of decoded blocks as stored
 * @param rawBytes payload bytes of decoded blocks after decompression
 * @param fileBytes size of every file opened so far
 * @param exchanges exchanges returned
 * @param codecs the codecs of the blocks decoded
 */
public record ReadTotals(long blocksRead, long blocksSkipped, long blocksCorrupt, long compressedBytes,
    long rawBytes, long fileBytes, long exchanges, Set<Codec> codecs) {
  public ReadTotals {
    codecs = Set.copyOf(codecs);
  }
}
