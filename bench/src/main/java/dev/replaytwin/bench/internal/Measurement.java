package dev.replaytwin.bench.internal;

import static java.util.Objects.requireNonNull;

/**
 * What the timed passes of one configuration gave.
 *
 * @param rawBytes encoded record bytes before compression ({@code CaptureWriter.Stats.rawBytes()})
 * @param fileBytes size of the capture file, headers included
 * @param read empty when only writing was measured
 */
public record Measurement(CodecConfig config, long exchanges, long rawBytes, long fileBytes, Samples write,
    Samples read) {
  public Measurement {
    requireNonNull(config, "config");
    requireNonNull(write, "write");
    requireNonNull(read, "read");
  }

  /** Raw record bytes over file bytes. */
  public double ratio() {
    return (double) rawBytes / fileBytes;
  }

  public double writeRate() {
    return Samples.perSecond(exchanges, write.median());
  }

  public double bestWriteRate() {
    return Samples.perSecond(exchanges, write.best());
  }

  public double writeMegabytes() {
    return Samples.megabytesPerSecond(rawBytes, write.median());
  }

  public double readRate() {
    return Samples.perSecond(exchanges, read.median());
  }

  public double bestReadRate() {
    return Samples.perSecond(exchanges, read.best());
  }

  public double readMegabytes() {
    return Samples.megabytesPerSecond(rawBytes, read.median());
  }
}
