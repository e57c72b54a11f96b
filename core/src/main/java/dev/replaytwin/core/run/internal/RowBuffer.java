package dev.replaytwin.core.run.internal;

import dev.replaytwin.core.Nullable;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;

/**
 * The decompressed bytes of an outcomes file, read a block at a time into one buffer that rows are
 * scanned in, the unread ones from {@link #pos()} to {@link #limit()}. A failed read is kept, not
 * thrown, so that the rows before it are still read; {@link #rest()} replays it after the unread
 * bytes to a streaming parser, which then meets it exactly where it would have without the buffer.
 * Not thread-safe.
 */
public final class RowBuffer {
  private static final int READ = 1 << 17;

  private final InputStream in;
  private byte[] bytes = new byte[2 * READ];
  private int pos;
  private int limit;
  private boolean ended;
  private @Nullable IOException failure;

  public RowBuffer(InputStream in) {
    this.in = in;
  }

  public byte[] bytes() {
    return bytes;
  }

  /** The first unread byte. */
  public int pos() {
    return pos;
  }

  /** The end of the bytes read. */
  public int limit() {
    return limit;
  }

  /** Marks the bytes before {@code to} read. */
  public void advance(int to) {
    if (to < pos || to > limit) {
      throw new IllegalArgumentException("to: " + to + " (expected: " + pos + ".." + limit + ")");
    }
    pos = to;
  }

  /** True when every byte was read and the stream ended without a failure. */
  public boolean atCleanEnd() {
    return pos == limit && ended && failure == null;
  }

  /**
   * Reads more bytes after {@link #limit()}, moving or growing the buffer as needed (which moves
   * {@link #pos()} too); false when the stream has ended or failed.
   */
  public boolean fill() {
    if (ended || failure != null) {
      return false;
    }
    if (bytes.length - limit < READ) {
      if (pos > 0) {
        System.arraycopy(bytes, pos, bytes, 0, limit - pos);
        limit -= pos;
        pos = 0;
      }
      if (bytes.length - limit < READ) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, limit + READ));
      }
    }
    try {
      int n;
      do {
        n = in.read(bytes, limit, bytes.length - limit);
      } while (n == 0);
      if (n < 0) {
        ended = true;
        return false;
      }
      limit += n;
      return true;
    } catch (IOException e) {
      failure = e;
      return false;
    }
  }

  /** Whether the unread bytes start with {@code prefix}, reading as many as it takes. */
  public boolean startsWith(byte[] prefix) {
    while (limit - pos < prefix.length) {
      if (!fill()) {
        return false;
      }
    }
    return Arrays.equals(bytes, pos, pos + prefix.length, prefix, 0, prefix.length);
  }

  /** The index of the next {@code \n} at or after {@link #pos()}, reading as needed; -1 when the stream ends first. */
  public int nextLineEnd() {
    int from = pos;
    while (true) {
      for (int i = from; i < limit; i++) {
        if (bytes[i] == '\n') {
          return i;
        }
      }
      from = limit - pos;
      if (!fill()) {
        return -1;
      }
      from += pos;
    }
  }

  /**
   * The unread bytes, then the rest of the stream, or the failure that ended it; this buffer is done
   * with after. Closing it closes the stream.
   */
  public InputStream rest() {
    InputStream tail;
    if (failure != null) {
      IOException e = failure;
      tail = new InputStream() {
        @Override
        public int read() throws IOException {
          throw e;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          throw e;
        }
      };
    } else if (ended) {
      tail = InputStream.nullInputStream();
    } else {
      tail = in;
    }
    InputStream unread = new ByteArrayInputStream(bytes, pos, limit - pos);
    return new SequenceInputStream(unread, tail) {
      @Override
      public void close() throws IOException {
        super.close();
        in.close();
      }
    };
  }
}
