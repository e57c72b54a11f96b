package dev.replaytwin.deploy.docker;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The service the docker ITs run in a container, packaged from the test classes into a jar. It
 * uses only java.base and jdk.httpserver, the modules its image has.
 *
 * <ul>
 *   <li>{@code /health} 200, {@code /never} 503 (a health check that never passes)</li>
 *   <li>{@code /hello}: "hello $TWIN_NAME"; {@code /work}: burns a little CPU</li>
 *   <li>{@code /dep}: calls {@code $DEP_URL/from-twin} from inside the container</li>
 *   <li>{@code /metrics}: Prometheus text with 0.25 s of GC pauses</li>
 *   <li>{@code /exit?code=N}: prints a line and exits with N</li>
 * </ul>
 * With the argument {@code crash} it exits with 2 before listening.
 */
public final class EchoApp {
  static final String METRICS = "# TYPE jvm_gc_pause_seconds summary\n"
      + "jvm_gc_pause_seconds_count{action=\"end of minor GC\",cause=\"G1 Evacuation Pause\"} 3\n"
      + "jvm_gc_pause_seconds_sum{action=\"end of minor GC\",cause=\"G1 Evacuation Pause\"} 0.25\n";

  private EchoApp() {}

  public static void main(String[] args) throws IOException {
    if (args.length > 0 && args[0].equals("crash")) {
      System.out.println("echo: crashing on purpose");
      System.exit(2);
    }
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/health", exchange -> respond(exchange, 200, "ok"));
    server.createContext("/never", exchange -> respond(exchange, 503, "never ready"));
    server.createContext("/hello", exchange -> respond(exchange, 200, "hello " + System.getenv("TWIN_NAME")));
    server.createContext("/work", exchange -> respond(exchange, 200, Long.toString(work())));
    server.createContext("/metrics", exchange -> respond(exchange, 200, METRICS));
    server.createContext("/dep", EchoApp::callDependency);
    server.createContext("/exit", exchange -> {
      String query = exchange.getRequestURI().getQuery();
      int code = query != null && query.startsWith("code=") ? Integer.parseInt(query.substring(5)) : 1;
      System.out.println("echo: exiting with code " + code);
      respond(exchange, 200, "bye");
      System.exit(code);
    });
    server.start();
    System.out.println("echo: listening on " + port);
  }

  private static long work() {
    long x = 0;
    for (int i = 0; i < 5_000_000; i++) {
      x += Long.rotateLeft(x ^ i, 7) * 31;
    }
    return x;
  }

  private static void callDependency(HttpExchange exchange) throws IOException {
    String url = System.getenv("DEP_URL") + "/from-twin";
    HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
    connection.setConnectTimeout(5_000);
    connection.setReadTimeout(5_000);
    try (InputStream in = connection.getInputStream()) {
      respond(exchange, 200, "via " + url + ": " + new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      respond(exchange, 502, "via " + url + ": " + e);
    }
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
