package dev.replaytwin.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetric;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Bodies stream through: the proxy reads from one side only as fast as the other side takes. */
class StreamingIT {
  private static final int MIB = 1024 * 1024;

  @Test
  void aClientThatStopsReadingStopsTheUpstreamInsteadOfFillingTheProxy() throws Exception {
    byte[] body = TransparencyIT.randomBytes(48 * MIB, 13);
    try (RawUpstream upstream = RawUpstream.start(); ProxyUnderTest proxy = ProxyUnderTest.start(upstream.url())) {
      upstream.enqueue(Reply.withBody("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\n\r\n", body));
      try (RawClient client = RawClient.connect(proxy.address(), 64 * 1024)) {
        client.send("GET /huge HTTP/1.1\r\nHost: shop.example\r\n\r\n");
        upstream.takeRequest();

        long sentWhileStalled = awaitSteady(upstream.connections().get(0));
        // Socket buffers on both legs hold a few MiB; a proxy that buffered would take it all.
        assertThat(sentWhileStalled).as("bytes the upstream got rid of").isLessThan(body.length / 2);
        assertThat(used(ByteBufAllocator.DEFAULT)).as("proxy buffer memory").isLessThan(16L * MIB);

        WireMessage response = client.read("GET");
        assertThat(response.complete()).isTrue();
        assertThat(response.body()).isEqualTo(body);
      }
    }
  }

  /** Waits until the upstream has sent nothing more for a while, and says how much it had sent. */
  private static long awaitSteady(RawUpstream.Connection c) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    long last = -1;
    for (int steady = 0; steady < 5; ) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the upstream never stopped sending; " + c.sent() + " bytes so far");
      }
      Thread.sleep(50);
      long now = c.sent();
      steady = now == last ? steady + 1 : 0;
      last = now;
    }
    return last;
  }

  private static long used(ByteBufAllocator allocator) {
    ByteBufAllocatorMetric m = ((ByteBufAllocatorMetricProvider) allocator).metric();
    return m.usedHeapMemory() + m.usedDirectMemory();
  }
}
