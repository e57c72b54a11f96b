package dev.replaytwin.proxy;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * An HTTP/1.1 client that writes exactly the bytes it is given, in as few packets as given, and
 * reads responses with {@link WireReader}; every read is bounded by a socket timeout.
 */
final class RawClient implements AutoCloseable {
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

  private final Socket socket;
  private final OutputStream out;
  private final WireReader reader;

  private RawClient(Socket socket) throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
    this.reader = new WireReader(socket.getInputStream());
  }

  static RawClient connect(InetSocketAddress address) throws IOException {
    return connect(address, 0);
  }

  /** With a fixed receive buffer of {@code receiveBuffer} bytes (0: the system's, auto-tuned). */
  static RawClient connect(InetSocketAddress address, int receiveBuffer) throws IOException {
    Socket s = new Socket();
    if (receiveBuffer > 0) {
      s.setReceiveBufferSize(receiveBuffer);
    }
    s.setTcpNoDelay(true);
    s.setSoTimeout((int) READ_TIMEOUT.toMillis());
    s.connect(address, (int) READ_TIMEOUT.toMillis());
    return new RawClient(s);
  }

  /** Writes {@code raw} (one byte per char) in one write call. */
  RawClient send(String raw) throws IOException {
    return send(raw.getBytes(ISO_8859_1));
  }

  RawClient send(byte[] raw) throws IOException {
    out.write(raw);
    out.flush();
    return this;
  }

  /** Sends one request and reads its response. */
  WireMessage exchange(String request) throws IOException {
    send(request);
    return read(request.substring(0, request.indexOf(' ')));
  }

  /** The next response (an interim 1xx included) to a request with {@code method}. */
  WireMessage read(String method) throws IOException {
    WireMessage m = reader.readResponse(method);
    if (m == null) {
      throw new AssertionError("connection closed before a response to " + method);
    }
    return m;
  }

  /** The next {@code n} bytes off the connection, unframed (after a protocol upgrade). */
  String readRaw(int n) throws IOException {
    return new String(reader.readRaw(n), ISO_8859_1);
  }

  /**
   * True when the peer ends the connection (close or reset) within {@code wait} and sends nothing
   * more before that; false when it stays open that long.
   */
  boolean endsWithin(Duration wait) throws IOException {
    socket.setSoTimeout((int) wait.toMillis());
    try {
      if (!reader.atEnd()) {
        throw new AssertionError("expected the connection to end, but received more bytes");
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } finally {
      socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
    }
  }

  /** Aborts the connection with a reset, as a crashing client would. */
  void reset() throws IOException {
    socket.setSoLinger(true, 0);
    socket.close();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
