package dev.replaytwin.replay.internal.client;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import dev.replaytwin.core.Header;
import dev.replaytwin.core.Nullable;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted HTTP/1.1 target on a loopback socket, in OkHttp's MockWebServer pattern: enqueue
 * replies (exact bytes, then keep the connection, close it, reset it or fall silent), send, then
 * {@link #takeRequest()} what arrived. It reads requests framed by Content-Length, as the client
 * sends them.
 */
final class ScriptedTarget implements AutoCloseable {
  private static final long WAIT_SECONDS = 10;

  /** How the connection goes on after a reply's bytes. */
  enum Then { KEEP_OPEN, CLOSE, RESET, HANG }

  /** What to do with one request: wait for the gate if any, write the bytes, then go on as told. */
  record Reply(byte[] bytes, Then then, @Nullable CountDownLatch gate) {
    static Reply raw(String raw) {
      return new Reply(raw.getBytes(ISO_8859_1), Then.KEEP_OPEN, null);
    }

    static Reply ok(String body) {
      return raw("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
    }

    Reply then(Then next) {
      return new Reply(bytes, next, gate);
    }

    Reply gatedBy(CountDownLatch latch) {
      return new Reply(bytes, then, latch);
    }
  }

  /** A request as it arrived, with the number of the connection it came on (from 1). */
  record Received(int connection, String method, String target, List<Header> headers, byte[] body) {
    @Nullable String header(String name) {
      return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst()
          .orElse(null);
    }
  }

  private final ServerSocket server;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "scripted-target");
    t.setDaemon(true);
    return t;
  });
  private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final List<Socket> sockets = new ArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private volatile @Nullable Reply everyTime;

  private ScriptedTarget(ServerSocket server) {
    this.server = server;
    threads.execute(this::accept);
  }

  static ScriptedTarget start() throws IOException {
    ServerSocket server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    return new ScriptedTarget(server);
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  ScriptedTarget enqueue(Reply reply) {
    replies.add(reply);
    return this;
  }

  /** Answers with {@code reply} whenever no enqueued reply is left. */
  ScriptedTarget answerEveryRequestWith(Reply reply) {
    everyTime = reply;
    return this;
  }

  Received takeRequest() throws InterruptedException {
    Received r = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    if (r == null) {
      throw new AssertionError("no request arrived within " + WAIT_SECONDS + " s");
    }
    return r;
  }

  /** Connections accepted so far. */
  int connections() {
    return connections.get();
  }

  @Override
  public void close() throws IOException {
    server.close();
    synchronized (sockets) {
      for (Socket s : sockets) {
        s.close();
      }
    }
    threads.shutdownNow();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        synchronized (sockets) {
          sockets.add(s);
        }
        int number = connections.incrementAndGet();
        threads.execute(() -> serve(s, number));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket, int number) {
    try (socket) {
      socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(20));
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      while (true) {
        received.add(read(in, number));
        Reply reply = next();
        if (reply.gate() != null && !reply.gate().await(WAIT_SECONDS, TimeUnit.SECONDS)) {
          throw new AssertionError("gate not opened within " + WAIT_SECONDS + " s");
        }
        out.write(reply.bytes());
        out.flush();
        switch (reply.then()) {
          case CLOSE -> {
            return;
          }
          case RESET -> {
            socket.setSoLinger(true, 0);
            return;
          }
          case HANG -> {
            in.transferTo(OutputStream.nullOutputStream());
            return;
          }
          case KEEP_OPEN -> { }
        }
      }
    } catch (IOException | InterruptedException e) {
      // The client went away or the test closed us: this connection is over.
    }
  }

  private Reply next() throws InterruptedException {
    Reply r = replies.poll();
    if (r == null) {
      r = everyTime;
    }
    if (r == null) {
      r = replies.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    }
    return r != null ? r : Reply.raw("HTTP/1.1 599 No Reply Scripted\r\nContent-Length: 0\r\n\r\n");
  }

  private static Received read(InputStream in, int connection) throws IOException {
    List<String> lines = new ArrayList<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("connection ended");
      }
      if (b != '\n') {
        line.write(b);
        continue;
      }
      String text = line.toString(ISO_8859_1).stripTrailing();
      line.reset();
      if (text.isEmpty()) {
        break;
      }
      lines.add(text);
    }
    String[] start = lines.get(0).split(" ", 3);
    List<Header> headers = new ArrayList<>();
    int length = 0;
    for (String h : lines.subList(1, lines.size())) {
      int colon = h.indexOf(':');
      Header header = new Header(h.substring(0, colon), h.substring(colon + 1).strip());
      headers.add(header);
      if (header.name().equalsIgnoreCase("Content-Length")) {
        length = Integer.parseInt(header.value());
      }
    }
    return new Received(connection, start[0], start[1], headers, in.readNBytes(length));
  }
}
