package dev.replaytwin.core.run.internal;

import dev.replaytwin.core.Sha256;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Remembers whether the file under a decompressor has ended. A decompression error after the end
 * is a torn tail (the file stops inside a frame); one before it is damage. Also digests every byte
 * read, so that the file's digest costs no second read of it.
 */
public final class EndAwareInputStream extends FilterInputStream {
  /**
   * Bytes fed to the digest at a time. The JIT uses the CPU's SHA instructions only in code it
   * compiled fully, and a read of 128 KiB, a few hundred a file, is too rare a call for that: fed
   * whole, the file was hashed the slow way throughout (a tenth of the reading threads' time). In
   * slices, the digest's own methods are called often enough to be compiled within a few MB.
   */
  private static final int SLICE = 4096;

  private final MessageDigest sha = Sha256.newDigest();
  private boolean ended;
  private String digest = "";

  public EndAwareInputStream(InputStream in) {
    super(in);
  }

  /** True once a read has returned end of file. */
  public boolean ended() {
    return ended;
  }

  /** The SHA-256 of the whole file, as {@link Sha256#text}: reads what is left of it first. */
  public String digestOfAll() throws IOException {
    if (digest.isEmpty()) {
      byte[] rest = new byte[1 << 16];
      while (!ended) {
        read(rest, 0, rest.length);
      }
      digest = Sha256.text(sha.digest());
    }
    return digest;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      sha.update((byte) b);
    }
    return noteEnd(b);
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    for (int k = 0; k < n; k += SLICE) {
      sha.update(b, off + k, Math.min(SLICE, n - k));
    }
    return noteEnd(n);
  }

  /** Reads what it skips, so that every byte is digested. */
  @Override
  public long skip(long n) throws IOException {
    byte[] skipped = new byte[(int) Math.min(Math.max(n, 0), 1 << 16)];
    long done = 0;
    while (done < n) {
      int r = read(skipped, 0, (int) Math.min(skipped.length, n - done));
      if (r < 0) {
        break;
      }
      done += r;
    }
    return done;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private int noteEnd(int result) {
    if (result < 0) {
      ended = true;
    }
    return result;
  }
}
