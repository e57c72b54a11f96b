package dev.replaytwin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.capture.CaptureReader;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code twin capture proxy} as a real process: serve, SIGTERM, drain, a sealed and scrubbed capture. */
@Timeout(120)
class CaptureProxyJarIT {
  private static final Path JAR = Path.of("").toAbsolutePath().resolve("target/twin.jar");
  private static final Pattern LISTENING = Pattern.compile("twin capture proxy: http://127\\.0\\.0\\.1:(\\d+) -> ");

  @TempDir Path dir;

  @Test
  void capturesScrubbedExchangesAndSealsTheFileOnSigterm() throws Exception {
    HttpServer upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    upstream.createContext("/", ex -> {
      byte[] body = "{\"ok\":true,\"contact\":\"alice@example.com\"}".getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    upstream.start();
    Path capture = dir.resolve("prod.twcap");
    Process proxy = new ProcessBuilder(java(), "-jar", JAR.toString(), "capture", "proxy",
        "--listen", "127.0.0.1:0", "--upstream", "http://127.0.0.1:" + upstream.getAddress().getPort(),
        "--out", capture.toString(), "--tag", "service=shop", "--workers", "1")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      List<String> errLines = new CopyOnWriteArrayList<>();
      Thread errReader = new Thread(() -> new BufferedReader(new InputStreamReader(proxy.getErrorStream(),
          StandardCharsets.UTF_8)).lines().forEach(errLines::add));
      errReader.start();
      int port = awaitPort(errLines);
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      for (int i = 0; i < 5; i++) {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/users?email=bob" + i + "@example.org"))
            .header("Authorization", "Bearer secret-token-" + i).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("alice@example.com");
      }

      proxy.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our end of its stderr
      assertThat(proxy.waitFor(60, TimeUnit.SECONDS)).isTrue();
      errReader.join(10_000);
      assertThat(errLines).anySatisfy(l -> assertThat(l).contains("5 exchanges written to " + capture));

      List<Exchange> exchanges;
      try (CaptureReader reader = CaptureReader.open(capture)) {
        exchanges = reader.stream().toList();
        assertThat(reader.problems()).isEmpty();
        assertThat(reader.header().context().service()).isEqualTo("shop");
        assertThat(reader.header().scrubPolicyDigest()).isNotEmpty();
      }
      assertThat(exchanges).hasSize(5);
      String all = exchanges.toString() + exchanges.stream()
          .map(e -> e.request().target() + e.response().body().toUtf8()).toList();
      assertThat(all).doesNotContain("secret-token-").doesNotContain("alice@example.com")
          .doesNotContain("bob0@example.org");
    } finally {
      proxy.destroyForcibly();
      upstream.stop(0);
    }
  }

  private static int awaitPort(List<String> errLines) throws Exception {
    for (int i = 0; i < 3000; i++) {
      for (String line : errLines) {
        Matcher m = LISTENING.matcher(line);
        if (m.find()) {
          return Integer.parseInt(m.group(1));
        }
      }
      Thread.sleep(10);
    }
    throw new AssertionError("the proxy never said where it listens: " + errLines);
  }

  private static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }
}
