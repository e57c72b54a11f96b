package dev.replaytwin.core.scrub.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Inflates {@code gzip} and {@code deflate} bodies, at most a given number of bytes, so a small
 * compressed body cannot blow up into a large one. {@code deflate} is read as zlib (RFC 1950) and,
 * failing that, as raw deflate, as servers send both. A body cut short by the capture's size cap
 * yields what it held.
 */
public final class BodyDecoder {
  /** What inflating gave. {@code complete} is false when input or the size bound ran out first. */
  public record Decoded(byte[] bytes, boolean complete) {}

  private BodyDecoder() {}

  /** True for the codings this decoder reads. */
  public static boolean decodes(String coding) {
    String c = coding.strip().toLowerCase(Locale.ROOT);
    return c.equals("gzip") || c.equals("x-gzip") || c.equals("deflate");
  }

  /**
   * Inflates {@code bytes}.
   *
   * @param inputComplete false when {@code bytes} is a prefix of the body (then running out of
   *     input is not an error)
   * @throws IOException when the bytes are not of that coding
   */
  public static Decoded decode(String coding, byte[] bytes, boolean inputComplete, int maxBytes) throws IOException {
    String c = coding.strip().toLowerCase(Locale.ROOT);
    if (c.equals("deflate")) {
      try {
        return read(new InflaterInputStream(new ByteArrayInputStream(bytes), new Inflater(false)), inputComplete,
            maxBytes);
      } catch (IOException zlibFailed) {
        return read(new InflaterInputStream(new ByteArrayInputStream(bytes), new Inflater(true)), inputComplete,
            maxBytes);
      }
    }
    return read(new GZIPInputStream(new ByteArrayInputStream(bytes)), inputComplete, maxBytes);
  }

  private static Decoded read(InputStream in, boolean inputComplete, int maxBytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, 64 * 1024));
    byte[] buffer = new byte[16 * 1024];
    try (in) {
      while (out.size() <= maxBytes) {
        int n = in.read(buffer, 0, Math.min(buffer.length, maxBytes + 1 - out.size()));
        if (n < 0) {
          return new Decoded(out.toByteArray(), true);
        }
        out.write(buffer, 0, n);
      }
    } catch (EOFException e) {
      if (inputComplete) {
        throw e;
      }
      return new Decoded(out.toByteArray(), false);
    } catch (IOException e) {
      if (e.getCause() instanceof DataFormatException || inputComplete) {
        throw e;
      }
      return new Decoded(out.toByteArray(), false);
    }
    byte[] all = out.toByteArray();
    return new Decoded(java.util.Arrays.copyOf(all, maxBytes), false);
  }
}
