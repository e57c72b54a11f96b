package dev.replaytwin.bench.internal;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.core.capture.CaptureWriterOptions;
import dev.replaytwin.core.capture.Codec;
import dev.replaytwin.core.capture.FsyncPolicy;

/** One writer configuration under measurement: codec, its level, and the fsync policy. */
public record CodecConfig(Codec codec, int level, FsyncPolicy fsync) {
  public CodecConfig {
    requireNonNull(codec, "codec");
    requireNonNull(fsync, "fsync");
  }

  /** Parses {@code zstd:3}, {@code zstd} (default level), {@code lz4}, {@code deflate:6}, {@code none}. */
  public static CodecConfig parse(String spec) {
    String[] parts = spec.trim().split(":", 2);
    Codec codec = Codec.parse(parts[0]);
    int level = codec.defaultLevel();
    if (parts.length == 2) {
      try {
        level = Integer.parseInt(parts[1]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("codec level: \"" + parts[1] + "\" in \"" + spec + "\" (expected: a number)");
      }
    }
    return new CodecConfig(codec, level, FsyncPolicy.NEVER);
  }

  /** The writer's defaults: codec, level and fsync policy of {@link CaptureWriterOptions#defaults()}. */
  public static CodecConfig writerDefault() {
    CaptureWriterOptions d = CaptureWriterOptions.defaults();
    return new CodecConfig(d.codec(), d.level(), d.fsync());
  }

  public CodecConfig withFsync(FsyncPolicy policy) {
    return new CodecConfig(codec, level, policy);
  }

  /** True when codec and level are the writer's defaults, whatever the fsync policy. */
  public boolean isDefaultCodec() {
    CodecConfig d = writerDefault();
    return codec == d.codec() && level == d.level();
  }

  /** {@code zstd-3}, {@code lz4}, {@code deflate-6}, {@code none}; a non-default fsync policy is appended. */
  public String label() {
    boolean hasLevel = codec == Codec.ZSTD || codec == Codec.DEFLATE;
    String name = codec.displayName() + (hasLevel ? "-" + level : "");
    return fsync == FsyncPolicy.NEVER ? name : name + " fsync " + fsync;
  }
}
