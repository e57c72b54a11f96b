package dev.replaytwin.core.capture.internal;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import dev.replaytwin.core.capture.Codec;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * Compresses and decompresses block payloads with one codec. Not thread-safe: one per writer or
 * reader, so native contexts and scratch arrays are reused from block to block.
 */
public abstract sealed class BlockCompressor implements AutoCloseable {
  private final Codec codec;
  /** Reused from block to block; valid up to the length the last {@link #compress} returned. */
  byte[] out = new byte[0];

  private BlockCompressor(Codec codec) {
    this.codec = codec;
  }

  /** The compressed bytes of the last {@link #compress} call, up to the length it returned. */
  public byte[] output() {
    return out;
  }

  void ensureOutput(int capacity) {
    if (out.length < capacity) {
      out = new byte[capacity];
    }
  }

  public Codec codec() {
    return codec;
  }

  /** A compressor for {@code codec}; {@code level} is the codec's own scale (ignored where none). */
  public static BlockCompressor create(Codec codec, int level) {
    return switch (codec) {
      case NONE -> new Stored();
      case DEFLATE -> new DeflateCompressor(level);
      case LZ4 -> new Lz4Compressor();
      case ZSTD -> new ZstdCompressor(level);
    };
  }

  /** Compresses {@code src[0..len)} into {@link #output()}; returns the compressed length. */
  public abstract int compress(byte[] src, int len);

  /**
   * Decompresses {@code src[0..srcLen)} into {@code dst[0..dstLen)}.
   *
   * @throws IOException when the payload does not decompress to exactly {@code dstLen} bytes
   */
  public abstract void decompress(byte[] src, int srcLen, byte[] dst, int dstLen) throws IOException;

  @Override
  public void close() {}

  static IOException sizeMismatch(Codec codec, long got, int expected) {
    return new IOException(codec.displayName() + " payload decompressed to " + got + " bytes, header says "
        + expected);
  }

  private static final class Stored extends BlockCompressor {
    Stored() {
      super(Codec.NONE);
    }

    @Override
    public int compress(byte[] src, int len) {
      ensureOutput(len);
      System.arraycopy(src, 0, out, 0, len);
      return len;
    }

    @Override
    public void decompress(byte[] src, int srcLen, byte[] dst, int dstLen) throws IOException {
      if (srcLen != dstLen) {
        throw sizeMismatch(Codec.NONE, srcLen, dstLen);
      }
      System.arraycopy(src, 0, dst, 0, srcLen);
    }
  }

  private static final class DeflateCompressor extends BlockCompressor {
    private final Deflater deflater;
    private final Inflater inflater = new Inflater();

    DeflateCompressor(int level) {
      super(Codec.DEFLATE);
      deflater = new Deflater(level);
    }

    @Override
    public int compress(byte[] src, int len) {
      deflater.reset();
      deflater.setInput(src, 0, len);
      deflater.finish();
      ensureOutput(len + len / 1000 + 64);
      int n = 0;
      while (!deflater.finished()) {
        if (n == out.length) {
          out = Arrays.copyOf(out, out.length * 2);
        }
        n += deflater.deflate(out, n, out.length - n);
      }
      return n;
    }

    @Override
    public void decompress(byte[] src, int srcLen, byte[] dst, int dstLen) throws IOException {
      inflater.reset();
      inflater.setInput(src, 0, srcLen);
      try {
        int n = 0;
        while (n < dstLen && !inflater.finished()) {
          int got = inflater.inflate(dst, n, dstLen - n);
          if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
            break;
          }
          n += got;
        }
        if (n != dstLen || !inflater.finished()) {
          throw sizeMismatch(Codec.DEFLATE, n, dstLen);
        }
      } catch (DataFormatException e) {
        throw new IOException("deflate payload does not decode: " + e.getMessage(), e);
      }
    }

    @Override
    public void close() {
      deflater.end();
      inflater.end();
    }
  }

  private static final class Lz4Compressor extends BlockCompressor {
    private final LZ4Compressor compressor = LZ4Factory.fastestInstance().fastCompressor();
    private final LZ4SafeDecompressor decompressor = LZ4Factory.fastestInstance().safeDecompressor();

    Lz4Compressor() {
      super(Codec.LZ4);
    }

    @Override
    public int compress(byte[] src, int len) {
      ensureOutput(compressor.maxCompressedLength(len));
      return compressor.compress(src, 0, len, out, 0, out.length);
    }

    @Override
    public void decompress(byte[] src, int srcLen, byte[] dst, int dstLen) throws IOException {
      int n;
      try {
        n = decompressor.decompress(src, 0, srcLen, dst, 0, dstLen);
      } catch (RuntimeException e) {
        throw new IOException("lz4 payload does not decode: " + e.getMessage(), e);
      }
      if (n != dstLen) {
        throw sizeMismatch(Codec.LZ4, n, dstLen);
      }
    }
  }

  private static final class ZstdCompressor extends BlockCompressor {
    private final ZstdCompressCtx ctx;
    private ZstdDecompressCtx dctx;

    ZstdCompressor(int level) {
      super(Codec.ZSTD);
      ctx = new ZstdCompressCtx().setLevel(level);
    }

    @Override
    public int compress(byte[] src, int len) {
      ensureOutput((int) Zstd.compressBound(len));
      return ctx.compressByteArray(out, 0, out.length, src, 0, len);
    }

    @Override
    public void decompress(byte[] src, int srcLen, byte[] dst, int dstLen) throws IOException {
      if (dctx == null) {
        dctx = new ZstdDecompressCtx();
      }
      int n;
      try {
        n = dctx.decompressByteArray(dst, 0, dstLen, src, 0, srcLen);
      } catch (ZstdException e) {
        throw new IOException("zstd payload does not decode: " + e.getMessage(), e);
      }
      if (n != dstLen) {
        throw sizeMismatch(Codec.ZSTD, n, dstLen);
      }
    }

    @Override
    public void close() {
      ctx.close();
      if (dctx != null) {
        dctx.close();
      }
    }
  }
}
