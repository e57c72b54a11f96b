package dev.replaytwin.proxy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replaytwin.core.Body;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BodyCopyTest {
  private final byte[] data = random(10_000);

  @Test
  void keepsAWholeBodyUnderTheLimit() {
    BodyCopy copy = new BodyCopy(256 * 1024);
    appendInPieces(copy, data, 333);

    Body body = copy.toBody();

    assertThat(body.isTruncated()).isFalse();
    assertThat(body.toByteArray()).isEqualTo(data);
    assertThat(copy.total()).isEqualTo(data.length);
  }

  @Test
  void keepsTheFirstLimitBytesAndTheOriginalLengthBeyondIt() {
    BodyCopy copy = new BodyCopy(4096);
    appendInPieces(copy, data, 1000);

    Body body = copy.toBody();

    assertThat(body.isTruncated()).isTrue();
    assertThat(body.originalLength()).isEqualTo(data.length);
    assertThat(body.toByteArray()).isEqualTo(Arrays.copyOf(data, 4096));
    assertThat(copy.retained()).isEqualTo(4096);
  }

  @Test
  void aBodyOfExactlyTheLimitIsWhole() {
    BodyCopy copy = new BodyCopy(4096);
    appendInPieces(copy, Arrays.copyOf(data, 4096), 4096);

    assertThat(copy.toBody().isTruncated()).isFalse();
    assertThat(copy.toBody().length()).isEqualTo(4096);
  }

  @Test
  void limitZeroKeepsOnlyTheLength() {
    BodyCopy copy = new BodyCopy(0);
    appendInPieces(copy, data, 5000);

    assertThat(copy.toBody().length()).isZero();
    assertThat(copy.toBody().isTruncated()).isTrue();
    assertThat(copy.toBody().originalLength()).isEqualTo(data.length);
    assertThat(new BodyCopy(0).toBody()).isEqualTo(Body.EMPTY);
  }

  @Test
  void copyingLeavesTheBufferToBeForwardedUntouched() {
    BodyCopy copy = new BodyCopy(100);
    ByteBuf buf = ByteBufAllocator.DEFAULT.buffer(data.length).writeBytes(data);
    buf.readerIndex(10);
    try {
      copy.append(buf);

      assertThat(buf.readerIndex()).isEqualTo(10);
      assertThat(buf.readableBytes()).isEqualTo(data.length - 10);
      assertThat(copy.toBody().toByteArray()).isEqualTo(Arrays.copyOfRange(data, 10, 110));
    } finally {
      buf.release();
    }
  }

  private static void appendInPieces(BodyCopy copy, byte[] bytes, int piece) {
    for (int off = 0; off < bytes.length; off += piece) {
      int n = Math.min(piece, bytes.length - off);
      ByteBuf buf = ByteBufAllocator.DEFAULT.buffer(n).writeBytes(bytes, off, n);
      try {
        copy.append(buf);
      } finally {
        buf.release();
      }
    }
  }

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    new Random(1).nextBytes(b);
    return b;
  }
}
