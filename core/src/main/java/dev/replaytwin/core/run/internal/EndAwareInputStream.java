package dev.replaytwin.core.run.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Remembers whether the file under a decompressor has ended. A decompression error after the end
 * is a torn tail (the file stops inside a frame); one before it is damage.
 */
public final class EndAwareInputStream extends FilterInputStream {
  private boolean ended;

  public EndAwareInputStream(InputStream in) {
    super(in);
  }

  /** True once a read has returned end of file. */
  public boolean ended() {
    return ended;
  }

  @Override
  public int read() throws IOException {
    return noteEnd(super.read());
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    return noteEnd(super.read(b, off, len));
  }

  private int noteEnd(int result) {
    if (result < 0) {
      ended = true;
    }
    return result;
  }
}
