package dev.replaytwin.deploy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The twin the process driver's integration tests start: a tiny HTTP server in its own JVM.
 *
 * <pre>
 * --port N            listen on 127.0.0.1:N (required)
 * --exit CODE         print a configuration error and exit with CODE before listening
 * --health-status S   answer /health with S (default 200)
 * --also-bind P       bind 127.0.0.1:P first and keep it (fails with a BindException when taken)
 * </pre>
 *
 * Paths: /health, /hello, /pid, /burn?ms=N (burns N ms of CPU time, at most a minute of wall
 * time), /gc (five full GCs), /exit?code=N (answers, then exits with N), /metrics (fixed Prometheus
 * text).
 */
public final class TinyTwinServer {
  static final String METRICS = """
      # HELP jvm_gc_pause_seconds Time spent in GC pause
      # TYPE jvm_gc_pause_seconds summary
      jvm_gc_pause_seconds_count{action="end of minor GC",cause="G1 Evacuation Pause",gc="G1 Young Generation"} 12
      jvm_gc_pause_seconds_sum{action="end of minor GC",cause="G1 Evacuation Pause",gc="G1 Young Generation"} 0.5
      jvm_gc_pause_seconds_sum{action="end of major GC",cause="System.gc()",gc="G1 Old Generation"} 0.25
      """;

  private TinyTwinServer() {
  }

  public static void main(String[] args) throws IOException {
    int port = -1;
    int healthStatus = 200;
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        case "--health-status" -> healthStatus = Integer.parseInt(args[i + 1]);
        case "--exit" -> {
          System.out.println("tiny twin starting");
          System.err.println("config error: payments.url is missing");
          System.exit(Integer.parseInt(args[i + 1]));
        }
        case "--also-bind" -> {
          @SuppressWarnings({"resource", "unused"})
          ServerSocket held = new ServerSocket(Integer.parseInt(args[i + 1]), 50, InetAddress.getLoopbackAddress());
        }
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
    server.setExecutor(Executors.newFixedThreadPool(4));
    int status = healthStatus;
    server.createContext("/health", ex -> answer(ex, status, "health " + status));
    server.createContext("/hello", ex -> answer(ex, 200, "hello"));
    server.createContext("/pid", ex -> answer(ex, 200, Long.toString(ProcessHandle.current().pid())));
    server.createContext("/metrics", ex -> answer(ex, 200, METRICS));
    server.createContext("/burn", ex -> {
      // Burns CPU time, not wall time: on a busy machine the thread may get a fraction of a core.
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long until = threads.getCurrentThreadCpuTime() + Long.parseLong(query(ex, "ms")) * 1_000_000L;
      long giveUp = System.nanoTime() + 60_000_000_000L;
      long spin = 0;
      while (threads.getCurrentThreadCpuTime() < until && System.nanoTime() < giveUp) {
        for (int i = 0; i < 10_000; i++) {
          spin += Long.numberOfTrailingZeros(spin + until + i);
        }
      }
      answer(ex, 200, "burned " + (spin & 1));
    });
    server.createContext("/gc", ex -> {
      for (int i = 0; i < 5; i++) {
        System.gc();
      }
      answer(ex, 200, "collected");
    });
    server.createContext("/exit", ex -> {
      int code = Integer.parseInt(query(ex, "code"));
      answer(ex, 200, "bye");
      System.out.println("exiting with " + code);
      System.out.flush();
      new Thread(() -> System.exit(code)).start();
    });
    server.start();
    System.out.println("tiny twin pid=" + ProcessHandle.current().pid() + " listening on " + port);
  }

  private static String query(HttpExchange ex, String key) {
    for (String pair : ex.getRequestURI().getQuery().split("&")) {
      if (pair.startsWith(key + "=")) {
        return pair.substring(key.length() + 1);
      }
    }
    throw new IllegalArgumentException("missing " + key);
  }

  private static void answer(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }
}
