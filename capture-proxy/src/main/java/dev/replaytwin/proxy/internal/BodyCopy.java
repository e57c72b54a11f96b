package dev.replaytwin.proxy.internal;

import dev.replaytwin.core.Body;
import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/** The captured copy of a body: the first {@code limit} bytes and the length of the whole. */
final class BodyCopy {
  private final int limit;
  private byte[] bytes = new byte[0];
  private int size;
  private long total;

  BodyCopy(int limit) {
    this.limit = limit;
  }

  void append(ByteBuf buf) {
    int n = buf.readableBytes();
    total += n;
    int keep = Math.min(n, limit - size);
    if (keep <= 0) {
      return;
    }
    if (size + keep > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.min(limit, Math.max(size + keep, bytes.length * 2)));
    }
    buf.getBytes(buf.readerIndex(), bytes, size, keep);
    size += keep;
  }

  long total() {
    return total;
  }

  int retained() {
    return size;
  }

  Body toBody() {
    byte[] kept = size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    return total > size ? Body.wrapTruncated(kept, total) : Body.wrap(kept);
  }
}
