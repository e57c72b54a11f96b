package dev.replaytwin.scenario.demo;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The JDK HTTP server the demo's services run on: one handler, 32 daemon workers, stopped at once. */
final class DemoServer implements AutoCloseable {
  private static final int WORKERS = 32;

  private final HttpServer server;
  private final ExecutorService workers;

  DemoServer(String host, int port, int backlog, String threadName, HttpHandler handler) throws IOException {
    this.server = HttpServer.create(new InetSocketAddress(host, port), backlog);
    this.workers = Executors.newFixedThreadPool(WORKERS, r -> {
      Thread t = new Thread(r, threadName);
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(workers);
    server.createContext("/", handler);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }
}
