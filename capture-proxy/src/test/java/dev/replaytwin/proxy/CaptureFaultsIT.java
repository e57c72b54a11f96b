package dev.replaytwin.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.capture.CaptureProblem;
import dev.replaytwin.core.capture.CaptureReader;
import dev.replaytwin.core.capture.CaptureWriter;
import dev.replaytwin.core.capture.CaptureWriterOptions;
import dev.replaytwin.core.capture.FsyncPolicy;
import dev.replaytwin.core.capture.ReadOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Capture trouble never reaches clients: a stalled writer and a full disk drop captures (counted by
 * reason) while every request is answered.
 */
class CaptureFaultsIT {
  private static final String GET = "GET /item HTTP/1.1\r\nHost: shop.example\r\n\r\n";

  @TempDir Path dir;

  @Test
  void stalledWriterDropsCapturesAsQueueFullAndClientsAreServed() throws Exception {
    CountDownLatch stall = new CountDownLatch(1);
    AtomicInteger entered = new AtomicInteger();
    CaptureTap.Sink stalled = exchange -> {
      entered.incrementAndGet();
      try {
        stall.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
    int requests = 20;
    try (RawUpstream upstream = RawUpstream.start();
        ProxyUnderTest proxy = ProxyUnderTest.start(upstream.url(), UnaryOperator.identity(), stalled, 2)) {
      upstream.answerEveryRequestWith(Reply.ok("fine"));
      try (RawClient client = proxy.connect()) {
        for (int i = 0; i < requests; i++) {
          assertThat(client.exchange(GET).bodyText()).isEqualTo("fine");
        }
      }
      String queueFull = "twin_capture_dropped_total{reason=\"queue_full\"}";
      Await.until("every exchange offered to the tap",
          () -> entered.get() + proxy.tap.queueDepth() + proxy.scraped(queueFull) == requests);

      // One exchange in the stalled sink, two queued, every later one dropped and counted.
      assertThat(entered.get()).isEqualTo(1);
      assertThat(proxy.scraped(queueFull)).isEqualTo(requests - 3);
      stall.countDown();
      proxy.close();
      assertThat(entered.get()).isEqualTo(3);
      assertThat(proxy.scraped("twin_capture_written_total")).isEqualTo(3);
    }
  }

  @Test
  void fullDiskDropsCapturesAsWriteFailedKeepsServingAndLeavesAReadableFile() throws Exception {
    Path small = Files.createDirectories(dir.resolve("small"));
    boolean mounted = mountTmpfs(small, "256k");
    Path file = small.resolve("prod.twcap");
    CaptureWriter writer = CaptureWriter.open(file,
        CaptureWriterOptions.builder().blockBytes(4096).fsync(FsyncPolicy.NEVER).build());
    try {
      CaptureTap.Sink sink = mounted ? writer::append : new FullAfter(writer, file, 256 * 1024);
      int requests = 40;
      byte[] body = TransparencyIT.randomBytes(16 * 1024, 11);
      double written;
      double failed;
      try (RawUpstream upstream = RawUpstream.start();
          ProxyUnderTest proxy = ProxyUnderTest.start(upstream.url(), UnaryOperator.identity(), sink, 1000)) {
        upstream.answerEveryRequestWith(Reply.ok("stored"));
        try (RawClient client = proxy.connect()) {
          for (int i = 0; i < requests; i++) {
            client.send("POST /blob HTTP/1.1\r\nHost: shop.example\r\nContent-Length: " + body.length + "\r\n\r\n");
            client.send(body);
            assertThat(client.read("POST").bodyText()).isEqualTo("stored");
          }
        }
        proxy.close();
        written = proxy.scraped("twin_capture_written_total");
        failed = proxy.scraped("twin_capture_dropped_total{reason=\"write_failed\"}");
      }
      assertThat(failed).as("write_failed drops").isPositive();
      assertThat(written + failed).isEqualTo(requests);
      try {
        writer.close();
      } catch (IOException stillFull) {
        // The end marker may not fit either; the reader does without it.
      }

      List<CaptureProblem> problems = new ArrayList<>();
      List<Exchange> read;
      try (CaptureReader reader = CaptureReader.open(file, ReadOptions.defaults().reportingTo(problems::add))) {
        read = reader.stream().toList();
      }
      assertThat(read).hasSize((int) written);
      assertThat(read).allSatisfy(e -> assertThat(e.request().body().toByteArray()).isEqualTo(body));
      assertThat(problems).allSatisfy(p -> assertThat(p).isInstanceOfAny(CaptureProblem.Unterminated.class,
          CaptureProblem.TornTail.class));
    } finally {
      if (mounted) {
        run("umount", small.toString());
      }
    }
  }

  /** Mounts a tmpfs of {@code size} on {@code dir}; false where mounting is not permitted. */
  private static boolean mountTmpfs(Path dir, String size) throws Exception {
    boolean ok = run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString());
    if (!ok) {
      System.err.println("CaptureFaultsIT: cannot mount a tmpfs here; a full disk is simulated by a sink "
          + "that throws IOException once the capture file reaches its size");
    }
    return ok;
  }

  private static boolean run(String... command) throws Exception {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException noSuchCommand) {
      return false;
    }
  }

  /** Stands in for a full disk where no tmpfs can be mounted: writes fail once the file is full. */
  private record FullAfter(CaptureWriter writer, Path file, long capacity) implements CaptureTap.Sink {
    @Override
    public void write(Exchange exchange) throws IOException {
      if (Files.size(file) + exchange.request().body().length() > capacity) {
        throw new IOException(file + ": No space left on device (simulated)");
      }
      writer.append(exchange);
    }
  }
}
