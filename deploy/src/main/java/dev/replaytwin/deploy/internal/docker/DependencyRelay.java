package dev.replaytwin.deploy.internal.docker;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Forwards TCP connections from an address containers can reach (the Docker bridge's gateway) to a
 * dependency simulator listening on this machine's loopback, which containers cannot reach. Bytes
 * are copied as they come, in both directions; it knows nothing of HTTP.
 *
 * <p>Each connection costs two threads. A twin's outbound connections are few and pooled, and
 * {@link #MAX_CONNECTIONS} bounds them.
 */
public final class DependencyRelay implements Closeable {
  static final int MAX_CONNECTIONS = 512;
  private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

  private final String name;
  private final ServerSocket server;
  private final InetSocketAddress target;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private DependencyRelay(String name, ServerSocket server, InetSocketAddress target) {
    this.name = name;
    this.server = server;
    this.target = target;
  }

  /** A relay listening on a free port of {@code bindAddress}, forwarding to {@code target}. */
  public static DependencyRelay start(String name, InetAddress bindAddress, InetSocketAddress target)
      throws IOException {
    requireNonNull(name, "name");
    requireNonNull(target, "target");
    ServerSocket server = new ServerSocket();
    try {
      server.bind(new InetSocketAddress(requireNonNull(bindAddress, "bindAddress"), 0), 128);
    } catch (IOException e) {
      server.close();
      throw e;
    }
    DependencyRelay relay = new DependencyRelay(name, server, target);
    Thread acceptor = new Thread(relay::acceptLoop, "replaytwin-relay-" + name);
    acceptor.setDaemon(true);
    acceptor.start();
    return relay;
  }

  /** The port it listens on. */
  public int port() {
    return server.getLocalPort();
  }

  private void acceptLoop() {
    while (!closed) {
      Socket inside;
      try {
        inside = server.accept();
      } catch (IOException e) {
        return;
      }
      if (open.size() >= 2 * MAX_CONNECTIONS) {
        closeQuietly(inside);
        continue;
      }
      Thread connector = new Thread(() -> connect(inside), "replaytwin-relay-" + name + "-conn");
      connector.setDaemon(true);
      connector.start();
    }
  }

  private void connect(Socket inside) {
    Socket outside = new Socket();
    open.add(inside);
    open.add(outside);
    Connection connection = new Connection(inside, outside, new AtomicInteger());
    try {
      inside.setTcpNoDelay(true);
      outside.setTcpNoDelay(true);
      outside.connect(target, CONNECT_TIMEOUT_MILLIS);
    } catch (IOException e) {
      // The simulator is gone or refuses: the twin sees its connection closed, as it would have.
      release(connection);
      return;
    }
    if (closed) {
      release(connection);
      return;
    }
    Thread back = new Thread(() -> pump(outside, inside, connection), "replaytwin-relay-" + name + "-back");
    back.setDaemon(true);
    back.start();
    pump(inside, outside, connection);
  }

  /**
   * Copies {@code from} to {@code to} until end of stream, then half-closes {@code to}, so a
   * client's request-then-shutdown still gets its answer. The second direction to finish, or
   * the first to fail, closes both sockets.
   */
  private void pump(Socket from, Socket to, Connection connection) {
    byte[] buffer = new byte[16 * 1024];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
      }
      to.shutdownOutput();
    } catch (IOException e) {
      release(connection);
      return;
    }
    if (connection.finished().incrementAndGet() == 2) {
      release(connection);
    }
  }

  private void release(Connection connection) {
    closeQuietly(connection.inside());
    closeQuietly(connection.outside());
    open.remove(connection.inside());
    open.remove(connection.outside());
  }

  /** Stops listening and cuts every relayed connection. */
  @Override
  public void close() {
    closed = true;
    closeQuietly(server);
    for (Socket socket : open) {
      closeQuietly(socket);
    }
    open.clear();
  }

  private static void closeQuietly(Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException | RuntimeException e) {
      // Closing is best effort: the socket may already be gone.
    }
  }

  @Override
  public String toString() {
    return "relay " + name + " " + server.getLocalSocketAddress() + " -> " + target;
  }

  private record Connection(Socket inside, Socket outside, AtomicInteger finished) {}
}
