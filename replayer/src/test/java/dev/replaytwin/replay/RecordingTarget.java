package dev.replaytwin.replay;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A twin for tests: a JDK HTTP server on a loopback port that records every request it receives
 * (with its arrival time) and answers what the test's handler says.
 */
final class RecordingTarget implements AutoCloseable {
  /** A request as the target received it. */
  record Received(String method, String target, Map<String, List<String>> headers, String body, long arrivalNanos) {
    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
          .map(e -> e.getValue().get(0)).orElse(null);
    }
  }

  /** What the target answers. */
  record Reply(int status, String contentType, String body, long delayMillis) {
    static Reply ok(String body) {
      return new Reply(200, "text/plain", body, 0);
    }

    static Reply json(String body) {
      return new Reply(200, "application/json", body, 0);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final List<Received> received = new ArrayList<>();

  private RecordingTarget(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** A target answering on {@code threads} threads (1 makes it serve one request at a time). */
  static RecordingTarget start(int threads, Function<Received, Reply> handler) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    RecordingTarget target = new RecordingTarget(server, executor);
    server.setExecutor(executor);
    server.createContext("/", exchange -> target.handle(exchange, handler));
    server.start();
    return target;
  }

  static RecordingTarget start(Function<Received, Reply> handler) throws IOException {
    return start(8, handler);
  }

  private void handle(HttpExchange exchange, Function<Received, Reply> handler) throws IOException {
    long arrival = System.nanoTime();
    byte[] body = exchange.getRequestBody().readAllBytes();
    Received r = new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
        Map.copyOf(exchange.getRequestHeaders()), new String(body, StandardCharsets.UTF_8), arrival);
    synchronized (received) {
      received.add(r);
    }
    Reply reply = handler.apply(r);
    if (reply.delayMillis() > 0) {
      try {
        Thread.sleep(reply.delayMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", reply.contentType());
    exchange.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
    try (OutputStream os = exchange.getResponseBody()) {
      os.write(out);
    }
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<Received> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
