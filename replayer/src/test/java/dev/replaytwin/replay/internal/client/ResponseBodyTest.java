package dev.replaytwin.replay.internal.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class ResponseBodyTest {
  @Test
  void digestsHeapDirectAndCompositeBuffersAlikeAndLeavesThemUnread() throws Exception {
    ResponseBody body = new ResponseBody(100);
    body.start(-1);
    ByteBuf heap = Unpooled.copiedBuffer("heap-", UTF_8);
    ByteBuf direct = ByteBufAllocator.DEFAULT.directBuffer().writeBytes("direct-".getBytes(UTF_8));
    CompositeByteBuf composite = Unpooled.compositeBuffer()
        .addComponents(true, Unpooled.copiedBuffer("comp", UTF_8), direct.copy().writerIndex(3));
    try {
      body.add(heap);
      body.add(direct);
      body.add(composite);

      assertThat(body.digest()).isEqualTo(NettyTargetClientIT.sha256("heap-direct-compdir".getBytes(UTF_8)));
      assertThat(new String(body.kept(), UTF_8)).isEqualTo("heap-direct-compdir");
      assertThat(body.size()).isEqualTo(19);
      assertThat(body.truncated()).isFalse();
      assertThat(heap.readerIndex()).isZero();
      assertThat(direct.readableBytes()).isEqualTo(7);
    } finally {
      heap.release();
      direct.release();
      composite.release();
    }
  }

  @Test
  void keepsOnlyTheCapButDigestsAndCountsAll() throws Exception {
    ResponseBody body = new ResponseBody(5);
    body.start(11);
    add(body, "hello ");
    add(body, "world");

    assertThat(new String(body.kept(), UTF_8)).isEqualTo("hello");
    assertThat(body.truncated()).isTrue();
    assertThat(body.size()).isEqualTo(11);
    assertThat(body.digest()).isEqualTo(NettyTargetClientIT.sha256("hello world".getBytes(UTF_8)));
  }

  @Test
  void startsEachResponseAfresh() throws Exception {
    ResponseBody body = new ResponseBody(64);
    body.start(-1);
    add(body, "first response, cut short");
    body.start(3);
    add(body, "two");

    assertThat(new String(body.kept(), UTF_8)).isEqualTo("two");
    assertThat(body.size()).isEqualTo(3);
    assertThat(body.digest()).isEqualTo(NettyTargetClientIT.sha256("two".getBytes(UTF_8)));
  }

  @Test
  void growsTheKeptBytesOfABodyOfUnknownLengthUpToTheCap() {
    ResponseBody body = new ResponseBody(10_000);
    body.start(-1);
    byte[] chunk = new byte[3000];
    for (int i = 0; i < 5; i++) {
      java.util.Arrays.fill(chunk, (byte) i);
      ByteBuf b = Unpooled.wrappedBuffer(chunk.clone());
      body.add(b);
      b.release();
    }

    byte[] kept = body.kept();
    assertThat(kept).hasSize(10_000);
    assertThat(kept[2999]).isEqualTo((byte) 0);
    assertThat(kept[3000]).isEqualTo((byte) 1);
    assertThat(kept[9999]).isEqualTo((byte) 3);
    assertThat(body.size()).isEqualTo(15_000);
  }

  @Test
  void keepsNothingWithACapOfZero() {
    ResponseBody body = new ResponseBody(0);
    body.start(5);
    add(body, "abcde");

    assertThat(body.kept()).isEmpty();
    assertThat(body.truncated()).isTrue();
  }

  private static void add(ResponseBody body, String text) {
    ByteBuf b = Unpooled.copiedBuffer(text, UTF_8);
    body.add(b);
    b.release();
  }
}
