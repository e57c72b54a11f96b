package dev.replaytwin.core.capture;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.core.ContextTags;
import java.time.Duration;

/**
 * How a {@link CaptureWriter} writes. Defaults: zstd level 1, blocks sealed at 1 MiB or 1 s,
 * fsync after every block, no rotation, refuse to overwrite.
 *
 * <pre>{@code
 * CaptureWriterOptions options = CaptureWriterOptions.builder()
 *     .context(new ContextTags("shop", "prod", "eu-west-1", "1.4.2", Map.of()))
 *     .rotateEvery(256L << 20, Duration.ofHours(1))
 *     .build();
 * }</pre>
 */
public record CaptureWriterOptions(
    Codec codec, int level, int blockBytes, Duration blockAge, FsyncPolicy fsync, long rotateBytes,
    Duration rotateAge, boolean overwrite, String writerName, String scrubPolicyDigest, ContextTags context) {

  public static final int DEFAULT_BLOCK_BYTES = 1 << 20;
  public static final Duration DEFAULT_BLOCK_AGE = Duration.ofSeconds(1);
  /** Blocks larger than this would make readers hold too much; records are never split. */
  public static final int MAX_BLOCK_BYTES = 64 << 20;

  public CaptureWriterOptions {
    requireNonNull(codec, "codec");
    requireNonNull(blockAge, "blockAge");
    requireNonNull(fsync, "fsync");
    requireNonNull(rotateAge, "rotateAge");
    requireNonNull(writerName, "writerName");
    requireNonNull(scrubPolicyDigest, "scrubPolicyDigest");
    requireNonNull(context, "context");
    if (blockBytes < 1024 || blockBytes > MAX_BLOCK_BYTES) {
      throw new IllegalArgumentException("blockBytes: " + blockBytes + " (expected: 1 KiB..64 MiB)");
    }
    if (blockAge.isNegative() || blockAge.isZero()) {
      throw new IllegalArgumentException("blockAge: " + blockAge + " (expected: > 0)");
    }
    if (rotateBytes < 0) {
      throw new IllegalArgumentException("rotateBytes: " + rotateBytes + " (expected: >= 0, 0 = never)");
    }
    if (rotateAge.isNegative()) {
      throw new IllegalArgumentException("rotateAge: " + rotateAge + " (expected: >= 0, 0 = never)");
    }
  }

  public static CaptureWriterOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** True when the capture is written as numbered segments. */
  public boolean rotates() {
    return rotateBytes > 0 || !rotateAge.isZero();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.codec = codec;
    b.level = level;
    b.blockBytes = blockBytes;
    b.blockAge = blockAge;
    b.fsync = fsync;
    b.rotateBytes = rotateBytes;
    b.rotateAge = rotateAge;
    b.overwrite = overwrite;
    b.writerName = writerName;
    b.scrubPolicyDigest = scrubPolicyDigest;
    b.context = context;
    return b;
  }

  /** Builder for {@link CaptureWriterOptions}. */
  public static final class Builder {
    private Codec codec = Codec.ZSTD;
    private int level = Codec.ZSTD.defaultLevel();
    private int blockBytes = DEFAULT_BLOCK_BYTES;
    private Duration blockAge = DEFAULT_BLOCK_AGE;
    private FsyncPolicy fsync = FsyncPolicy.EVERY_BLOCK;
    private long rotateBytes;
    private Duration rotateAge = Duration.ZERO;
    private boolean overwrite;
    private String writerName = "replaytwin";
    private String scrubPolicyDigest = "";
    private ContextTags context = ContextTags.EMPTY;

    private Builder() {}

    /** The codec at its default level. */
    public Builder codec(Codec codec) {
      this.codec = codec;
      this.level = codec.defaultLevel();
      return this;
    }

    public Builder codec(Codec codec, int level) {
      this.codec = codec;
      this.level = level;
      return this;
    }

    /** Seal the open block once its records reach this many bytes (before compression). */
    public Builder blockBytes(int blockBytes) {
      this.blockBytes = blockBytes;
      return this;
    }

    /** Seal the open block once its first record is this old, so a crash loses little. */
    public Builder blockAge(Duration blockAge) {
      this.blockAge = blockAge;
      return this;
    }

    public Builder fsync(FsyncPolicy fsync) {
      this.fsync = fsync;
      return this;
    }

    /** Start a new segment once the current one reaches {@code bytes} or {@code age}; 0 = never. */
    public Builder rotateEvery(long bytes, Duration age) {
      this.rotateBytes = bytes;
      this.rotateAge = age;
      return this;
    }

    public Builder overwrite(boolean overwrite) {
      this.overwrite = overwrite;
      return this;
    }

    /** Recorded in the header, e.g. {@code replaytwin/0.1.0}. */
    public Builder writerName(String writerName) {
      this.writerName = writerName;
      return this;
    }

    public Builder scrubPolicyDigest(String scrubPolicyDigest) {
      this.scrubPolicyDigest = scrubPolicyDigest;
      return this;
    }

    public Builder context(ContextTags context) {
      this.context = context;
      return this;
    }

    public CaptureWriterOptions build() {
      return new CaptureWriterOptions(codec, level, blockBytes, blockAge, fsync, rotateBytes, rotateAge,
          overwrite, writerName, scrubPolicyDigest, context);
    }
  }
}
