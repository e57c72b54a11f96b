package dev.replaytwin.replay.internal.client;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import dev.replaytwin.core.Sha256;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * One connection's response body as it streams by: a SHA-256 of all of it and a copy of its first
 * {@code cap} bytes, with nothing of the buffers kept. The digest is the connection's own and is
 * reset for each response, so a response costs no digest allocation.
 */
final class ResponseBody {
  private static final MessageDigest PROTOTYPE = Sha256.newDigest();
  private static final int FIRST_GROWTH = 4096;

  private final MessageDigest digest = copyOfPrototype();
  private final int cap;
  private byte[] kept = ClientResponse.NO_BODY;
  private int keptLength;
  private long size;

  ResponseBody(int cap) {
    this.cap = cap;
  }

  /** Starts a response whose body is {@code contentLength} bytes long, or -1 when unknown. */
  void start(long contentLength) {
    digest.reset();
    size = 0;
    keptLength = 0;
    int expected = contentLength < 0 ? 0 : (int) Math.min(cap, contentLength);
    kept = expected == 0 ? ClientResponse.NO_BODY : new byte[expected];
  }

  /** Takes in the readable bytes of {@code content}, leaving its indexes alone. */
  void add(ByteBuf content) {
    int n = content.readableBytes();
    if (n == 0) {
      return;
    }
    size += n;
    int from = content.readerIndex();
    if (content.hasArray()) {
      digest.update(content.array(), content.arrayOffset() + from, n);
    } else if (content.nioBufferCount() == 1) {
      digest.update(content.internalNioBuffer(from, n));
    } else {
      for (ByteBuffer b : content.nioBuffers(from, n)) {
        digest.update(b);
      }
    }
    int take = Math.min(cap - keptLength, n);
    if (take > 0) {
      if (keptLength + take > kept.length) {
        kept = Arrays.copyOf(kept, Math.min(cap, Math.max(keptLength + take, Math.max(FIRST_GROWTH, 2 * kept.length))));
      }
      content.getBytes(from, kept, keptLength, take);
      keptLength += take;
    }
  }

  long size() {
    return size;
  }

  boolean truncated() {
    return size > keptLength;
  }

  /** The bytes kept, in an array of their own. */
  byte[] kept() {
    return keptLength == kept.length ? kept : Arrays.copyOf(kept, keptLength);
  }

  /** {@code sha256:} and the hex digest of the whole body; resets the digest. */
  String digest() {
    return Sha256.text(digest.digest());
  }

  private static MessageDigest copyOfPrototype() {
    try {
      return (MessageDigest) PROTOTYPE.clone();
    } catch (CloneNotSupportedException e) {
      return Sha256.newDigest();
    }
  }
}
