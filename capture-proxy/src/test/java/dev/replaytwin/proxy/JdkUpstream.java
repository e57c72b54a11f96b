package dev.replaytwin.proxy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * A real HTTP(S) server on loopback (the JDK's), answering {@code <name> <method> <target> <body>}
 * and remembering what it was asked; a {@code delay} query parameter makes it wait that many ms.
 */
final class JdkUpstream implements AutoCloseable {
  /** One request as the upstream saw it. */
  record Seen(String method, String target, String host, String body) {}

  private final HttpServer server;
  final List<Seen> seen = new CopyOnWriteArrayList<>();

  private JdkUpstream(HttpServer server, String name) {
    this.server = server;
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", ex -> answer(ex, name));
    server.start();
  }

  static JdkUpstream http(String name) throws IOException {
    return new JdkUpstream(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0), name);
  }

  static JdkUpstream https(String name, SSLContext tls) throws IOException {
    HttpsServer s = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    s.setHttpsConfigurator(new HttpsConfigurator(tls));
    return new JdkUpstream(s, name);
  }

  int port() {
    return server.getAddress().getPort();
  }

  private void answer(HttpExchange ex, String name) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String target = ex.getRequestURI().toString();
    seen.add(new Seen(ex.getRequestMethod(), target, ex.getRequestHeaders().getFirst("Host"), body));
    int delay = target.contains("delay=") ? Integer.parseInt(target.replaceAll(".*delay=(\\d+).*", "$1")) : 0;
    if (delay > 0) {
      try {
        Thread.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    byte[] out = (name + " " + ex.getRequestMethod() + " " + target + " " + body).getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "text/plain");
    ex.sendResponseHeaders(200, out.length);
    ex.getResponseBody().write(out);
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
