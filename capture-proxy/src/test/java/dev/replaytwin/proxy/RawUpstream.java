package dev.replaytwin.proxy;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import dev.replaytwin.core.Nullable;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A scripted HTTP/1.1 origin on a loopback socket: it answers each request with the exact bytes of
 * the next enqueued {@link Reply} and records exactly what it received (OkHttp's MockWebServer
 * pattern, at the byte level). {@code Expect: 100-continue} is answered with a 100 before the body
 * is read, as an origin does.
 *
 * <pre>{@code
 * try (RawUpstream upstream = RawUpstream.start()) {
 *   upstream.enqueue(Reply.ok("hello"));
 *   ... send a request to upstream.port() ...
 *   WireMessage request = upstream.takeRequest();
 * }
 * }</pre>
 */
final class RawUpstream implements AutoCloseable {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final ServerSocket server;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "raw-upstream");
    t.setDaemon(true);
    return t;
  });
  private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
  private final BlockingQueue<WireMessage> received = new LinkedBlockingQueue<>();
  private final List<WireMessage> requests = new CopyOnWriteArrayList<>();
  private final List<Connection> connections = new CopyOnWriteArrayList<>();
  private volatile @Nullable Reply everyTime;
  private volatile CountDownLatch bodies = new CountDownLatch(0);

  private RawUpstream(ServerSocket server) {
    this.server = server;
    threads.execute(this::acceptLoop);
  }

  static RawUpstream start() throws IOException {
    return start(0);
  }

  /** Binds {@code port} on loopback (0 for any free one). */
  static RawUpstream start(int port) throws IOException {
    ServerSocket server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
    return new RawUpstream(server);
  }

  int port() {
    return server.getLocalPort();
  }

  InetSocketAddress address() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), port());
  }

  String url() {
    return "http://127.0.0.1:" + port();
  }

  /** Answers the next request that has no reply yet. */
  RawUpstream enqueue(Reply reply) {
    replies.add(reply);
    return this;
  }

  /** Answers every request with {@code reply} once the enqueued replies are used up. */
  RawUpstream answerEveryRequestWith(Reply reply) {
    everyTime = reply;
    return this;
  }

  /** Reads request heads but no body until {@code gate} opens: an origin slow to take uploads. */
  RawUpstream holdBodiesUntil(CountDownLatch gate) {
    bodies = gate;
    return this;
  }

  /** The next complete request received, waiting a bounded time; fails when none arrives. */
  WireMessage takeRequest() throws InterruptedException {
    WireMessage m = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    if (m == null) {
      throw new AssertionError("the upstream received no request within " + WAIT);
    }
    return m;
  }

  /** Every complete request received so far, in order. */
  List<WireMessage> requests() {
    return List.copyOf(requests);
  }

  List<Connection> connections() {
    return List.copyOf(connections);
  }

  /** Every byte received on every connection so far, concatenated in connection order. */
  String receivedText() {
    StringBuilder all = new StringBuilder();
    for (Connection c : connections) {
      all.append(new String(c.received(), ISO_8859_1));
    }
    return all.toString();
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Connection c : connections) {
      c.closeQuietly();
    }
    threads.shutdownNow();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        s.setSoTimeout((int) Duration.ofSeconds(20).toMillis());
        s.setTcpNoDelay(true);
        Connection c = new Connection(s);
        connections.add(c);
        threads.execute(c::serve);
      } catch (IOException e) {
        return;
      }
    }
  }

  private Reply nextReply() throws InterruptedException {
    Reply r = replies.poll();
    if (r == null) {
      r = everyTime;
    }
    if (r == null) {
      r = replies.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }
    return r != null ? r : Reply.raw("HTTP/1.1 599 No Reply Scripted\r\nContent-Length: 0\r\n\r\n");
  }

  /** One accepted connection: what it received, and whether it has ended. */
  final class Connection {
    private final Socket socket;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final AtomicLong sent = new AtomicLong();
    private final CountDownLatch ended = new CountDownLatch(1);

    private Connection(Socket socket) {
      this.socket = socket;
    }

    /** Everything received on this connection so far. */
    byte[] received() {
      synchronized (bytes) {
        return bytes.toByteArray();
      }
    }

    /** Bytes written to this connection so far. */
    long sent() {
      return sent.get();
    }

    /** True when the peer closed (or reset) the connection within the wait, or we ended it. */
    boolean awaitEnd(Duration wait) throws InterruptedException {
      return ended.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void serve() {
      try (socket) {
        InputStream in = new Recording(socket.getInputStream());
        OutputStream out = socket.getOutputStream();
        WireReader reader = new WireReader(in);
        while (true) {
          WireMessage request = reader.readRequest(head -> {
            continueIfExpected(head, out);
            await(bodies);
          });
          if (request == null || !request.complete()) {
            return;
          }
          requests.add(request);
          received.add(request);
          if (!answer(nextReply(), in, out)) {
            return;
          }
        }
      } catch (IOException | InterruptedException | UncheckedIOException e) {
        // The peer went away or the test closed us: this connection is over.
      } finally {
        ended.countDown();
      }
    }

    private void continueIfExpected(WireMessage head, OutputStream out) {
      String expect = head.header("Expect");
      if (expect != null && expect.equalsIgnoreCase("100-continue")) {
        try {
          out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(ISO_8859_1));
          out.flush();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }

    private void await(CountDownLatch gate) {
      try {
        if (!gate.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
          throw new AssertionError("gate not opened within " + WAIT);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted at a gate", e);
      }
    }

    /** Performs a reply; false when the connection is over afterwards. */
    private boolean answer(Reply reply, InputStream in, OutputStream out) throws IOException, InterruptedException {
      if (reply.gate() != null) {
        await(reply.gate());
      }
      if (!reply.delay().isZero()) {
        Thread.sleep(reply.delay().toMillis());
      }
      switch (reply.then()) {
        case HANG -> {
          send(out, reply.bytes());
          in.transferTo(OutputStream.nullOutputStream());
          return false;
        }
        case RESET -> {
          send(out, reply.bytes());
          socket.setSoLinger(true, 0);
          return false;
        }
        case CLOSE -> {
          send(out, reply.bytes());
          return false;
        }
        case ECHO -> {
          send(out, reply.bytes());
          byte[] buf = new byte[8192];
          int n;
          while ((n = in.read(buf)) >= 0) {
            out.write(buf, 0, n);
            out.flush();
          }
          return false;
        }
        default -> {
          send(out, reply.bytes());
          return true;
        }
      }
    }

    /** Writes in slices so that {@link #sent} follows a peer that reads slowly. */
    private void send(OutputStream out, byte[] b) throws IOException {
      for (int off = 0; off < b.length; off += 64 * 1024) {
        int n = Math.min(64 * 1024, b.length - off);
        out.write(b, off, n);
        sent.addAndGet(n);
      }
      out.flush();
    }

    private void closeQuietly() {
      try {
        socket.close();
      } catch (IOException e) {
        // closing anyway
      }
    }

    /** Keeps a copy of every byte read from the socket. */
    private final class Recording extends FilterInputStream {
      Recording(InputStream in) {
        super(in);
      }

      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          synchronized (bytes) {
            bytes.write(b);
          }
        }
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
          synchronized (bytes) {
            bytes.write(b, off, n);
          }
        }
        return n;
      }
    }
  }
}
