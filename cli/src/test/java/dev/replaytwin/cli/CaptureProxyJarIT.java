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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

  private static final String EMAIL = "alice.smith@example.com";
  private static final String SSN = "123-45-6789";
  private static final String CLIENT_SECRET = "c1ient-sess10n-secret";
  private static final String SERVER_SECRET = "serv3r-sess10n-secret";
  private static final String API_KEY = "key-5f2b9c1e77aa";
  private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLWJ5dGVz";

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
    try (ProxyProcess proxy = new ProxyProcess(Map.of(), upstream.getAddress().getPort(), capture,
        "--tag", "service=shop")) {
      int port = proxy.port;
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      for (int i = 0; i < 5; i++) {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/users?email=bob" + i + "@example.org"))
            .header("Authorization", "Bearer secret-token-" + i).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("alice@example.com");
      }

      assertThat(proxy.stop()).anySatisfy(l -> assertThat(l).contains("5 exchanges written to " + capture));

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
      upstream.stop(0);
    }
  }

  @Test
  void leavesNoSeededPersonalDataAndKeepsPseudonymsStableAcrossRunsWithTheSameKey() throws Exception {
    HttpServer upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    upstream.createContext("/", ex -> {
      ex.getRequestBody().readAllBytes();
      byte[] body = ("{\"customer\":\"" + EMAIL + "\",\"ssn\":\"" + SSN + "\",\"client\":\"203.0.113.77\"}")
          .getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.getResponseHeaders().add("Set-Cookie", "session=" + SERVER_SECRET + "; Path=/; HttpOnly");
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    upstream.start();
    try {
      Path first = dir.resolve("first.twcap");
      Path second = dir.resolve("second.twcap");
      captureSeededTraffic(upstream.getAddress().getPort(), first);
      captureSeededTraffic(upstream.getAddress().getPort(), second);

      CliRun audit = CliRun.twin("capture", "audit", first.toString());
      assertThat(audit.exitCode()).as(audit.out()).isZero();
      String decoded = CliRun.twin("capture", "cat", "--json", first.toString()).out();
      assertThat(decoded.lines()).hasSize(4);
      for (String seeded : List.of(EMAIL, EMAIL.replace("@", "%40"), "4111 1111 1111 1111", "4111111111111111",
          "GB82 WEST 1234 5698 7654 32", SSN, "415 555 2671", "203.0.113.77", CLIENT_SECRET, SERVER_SECRET,
          API_KEY, JWT)) {
        assertThat(decoded).as("seeded value " + seeded).doesNotContain(seeded);
      }
      String pseudonym = pseudonymOfEmail(decoded);
      assertThat(decoded.split(Pattern.quote(pseudonym), -1)).as("one pseudonym everywhere in the file")
          .hasSizeGreaterThan(4);
      assertThat(CliRun.twin("capture", "cat", "--json", second.toString()).out())
          .as("the same pseudonym in a second file written with the same key").contains(pseudonym);
    } finally {
      upstream.stop(0);
    }
  }

  private void captureSeededTraffic(int upstreamPort, Path capture) throws Exception {
    try (ProxyProcess proxy = new ProxyProcess(
        Map.of("TWIN_SCRUB_KEY", "a-test-key-that-is-long-enough-0123456789"), upstreamPort, capture)) {
      String base = "http://127.0.0.1:" + proxy.port;
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      List<HttpRequest> corpus = List.of(
          HttpRequest.newBuilder(URI.create(base + "/users/" + EMAIL + "/orders?email=" + EMAIL.replace("@", "%40")
                  + "&phone=%2B1%20415%20555%202671"))
              .header("Authorization", "Bearer " + JWT).header("Cookie", "session=" + CLIENT_SECRET)
              .header("X-Api-Key", API_KEY).build(),
          HttpRequest.newBuilder(URI.create(base + "/checkout")).header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + EMAIL + "\",\"card\":\"4111 1111 1111 1111\","
                  + "\"iban\":\"GB82 WEST 1234 5698 7654 32\",\"ssn\":\"" + SSN + "\",\"note\":\"call +1 415 555 2671\"}"))
              .build(),
          HttpRequest.newBuilder(URI.create(base + "/signup"))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString("email=" + EMAIL.replace("@", "%40") + "&card=4111111111111111"))
              .build(),
          HttpRequest.newBuilder(URI.create(base + "/notes")).header("Content-Type", "text/plain")
              .POST(HttpRequest.BodyPublishers.ofString("Reach " + EMAIL + " or 415 555 2671; token " + JWT))
              .build());
      for (HttpRequest request : corpus) {
        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(r.body()).as("the client gets production's answer, unscrubbed").contains(EMAIL);
      }
      assertThat(proxy.stop()).anySatisfy(l -> assertThat(l).contains("4 exchanges written"));
    }
  }

  private static String pseudonymOfEmail(String decodedJson) {
    Matcher m = Pattern.compile("[A-Za-z0-9.]+@[A-Za-z0-9.-]+\\.invalid").matcher(decodedJson);
    assertThat(m.find()).as("a pseudonymised e-mail address in " + decodedJson).isTrue();
    return m.group();
  }

  /** {@code twin capture proxy} as a child process on a free port, its stderr collected line by line. */
  private static final class ProxyProcess implements AutoCloseable {
    final Process process;
    final List<String> errLines = new CopyOnWriteArrayList<>();
    final Thread errReader;
    final int port;

    ProxyProcess(Map<String, String> env, int upstreamPort, Path capture, String... extra) throws Exception {
      List<String> command = new ArrayList<>(List.of(java(), "-jar", JAR.toString(), "capture", "proxy",
          "--listen", "127.0.0.1:0", "--upstream", "http://127.0.0.1:" + upstreamPort, "--out", capture.toString(),
          "--workers", "1"));
      command.addAll(List.of(extra));
      ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
      builder.environment().putAll(env);
      process = builder.start();
      errReader = new Thread(() -> new BufferedReader(new InputStreamReader(process.getErrorStream(),
          StandardCharsets.UTF_8)).lines().forEach(errLines::add));
      errReader.start();
      port = awaitPort(errLines);
    }

    /** SIGTERM, then everything it printed on stderr until it exited. */
    List<String> stop() throws Exception {
      process.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our end of its stderr
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      errReader.join(10_000);
      return errLines;
    }

    @Override
    public void close() {
      process.destroyForcibly();
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
