package dev.replaytwin.core.capture;

import java.util.Locale;

/**
 * How a block's payload is compressed. Every reader understands every codec; writers default to
 * {@link #ZSTD}, chosen by measurement (see {@code docs/capture-format.md}, "Choosing the codec").
 */
public enum Codec {
  NONE(0, 0),
  /** zlib-wrapped DEFLATE from the JDK, level 6 by default (what {@code gzip -6} does). */
  DEFLATE(1, 6),
  LZ4(2, 0),
  ZSTD(3, 1);

  private final int id;
  private final int defaultLevel;

  Codec(int id, int defaultLevel) {
    this.id = id;
    this.defaultLevel = defaultLevel;
  }

  /** The byte stored in each block header. */
  public int id() {
    return id;
  }

  public int defaultLevel() {
    return defaultLevel;
  }

  /** The codec stored as {@code id}, or {@code null} when this version does not know it. */
  public static Codec byId(int id) {
    for (Codec c : values()) {
      if (c.id == id) {
        return c;
      }
    }
    return null;
  }

  /** Parses {@code none | deflate | gzip | lz4 | zstd}, ignoring case. */
  public static Codec parse(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    return switch (n) {
      case "none" -> NONE;
      case "deflate", "gzip", "zlib" -> DEFLATE;
      case "lz4" -> LZ4;
      case "zstd" -> ZSTD;
      default -> throw new IllegalArgumentException(
          "codec: \"" + name + "\" (expected: zstd, lz4, deflate or none)");
    };
  }

  public String displayName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
