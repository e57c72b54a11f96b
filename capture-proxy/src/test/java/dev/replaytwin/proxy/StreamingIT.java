package dev.replaytwin.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetric;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
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

        RawUpstream.Connection connection = upstream.connections().get(0);
        long sentWhileStalled = awaitSteady("the upstream", connection::sent);
        // Socket buffers on both legs hold a few MiB; a proxy that buffered would take it all.
        assertThat(sentWhileStalled).as("bytes the upstream got rid of").isLessThan(body.length / 2);
        assertThat(used(ByteBufAllocator.DEFAULT)).as("proxy buffer memory").isLessThan(16L * MIB);

        WireMessage response = client.read("GET");
        assertThat(response.complete()).isTrue();
        assertThat(response.body()).isEqualTo(body);
      }
    }
  }

  @Test
  void anUpstreamThatStopsReadingStopsTheClientInsteadOfFillingTheProxy() throws Exception {
    byte[] body = TransparencyIT.randomBytes(48 * MIB, 17);
    CountDownLatch upstreamReads = new CountDownLatch(1);
    try (RawUpstream upstream = RawUpstream.start(); ProxyUnderTest proxy = ProxyUnderTest.start(upstream.url())) {
      upstream.holdBodiesUntil(upstreamReads).enqueue(Reply.ok("stored"));
      try (RawClient client = proxy.connect()) {
        AtomicLong written = new AtomicLong();
        CompletableFuture<Void> upload = CompletableFuture.runAsync(() -> {
          try {
            client.send("PUT /huge HTTP/1.1\r\nHost: shop.example\r\nContent-Length: " + body.length + "\r\n\r\n");
            for (int off = 0; off < body.length; off += 64 * 1024) {
              client.send(Arrays.copyOfRange(body, off, off + 64 * 1024));
              written.addAndGet(64 * 1024);
            }
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });

        long writtenWhileStalled = awaitSteady("the client", written::get);
        assertThat(writtenWhileStalled).as("bytes the client got rid of").isLessThan(body.length / 2);
        assertThat(used(ByteBufAllocator.DEFAULT)).as("proxy buffer memory").isLessThan(16L * MIB);

        upstreamReads.countDown();
        upload.get(10, TimeUnit.SECONDS);
        assertThat(client.read("PUT").bodyText()).isEqualTo("stored");
      }
      assertThat(upstream.takeRequest().body()).isEqualTo(body);
    }
  }

  /** Waits until a sender has sent nothing more for a while, and says how much it had sent. */
  private static long awaitSteady(String sender, LongSupplier sent) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    long last = -1;
    for (int steady = 0; steady < 5; ) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(sender + " never stopped sending; " + sent.getAsLong() + " bytes so far");
      }
      Thread.sleep(50);
      long now = sent.getAsLong();
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
