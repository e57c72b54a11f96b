package dev.replaytwin.deploy;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Specs that start {@link TinyTwinServer} in a JVM of its own, and a plain GET for the tests. */
final class TinyTwin {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private TinyTwin() {
  }

  static TwinSpec.Process spec(Duration healthTimeout, String... args) {
    return specWithMetrics(healthTimeout, "", args);
  }

  static TwinSpec.Process specWithMetrics(Duration healthTimeout, String metricsUrl, String... args) {
    return new TwinSpec.Process(javaCommand(args), Map.of(), Path.of("."),
        new TwinSpec.Health("/health", healthTimeout, Duration.ofMillis(100)), metricsUrl);
  }

  /** java … TinyTwinServer --port ${port} args… */
  static List<String> javaCommand(String... args) {
    List<String> command = new ArrayList<>(List.of(java(), "-Xmx64m", "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1", "-cp", testClasses(), TinyTwinServer.class.getName(), "--port", "${port}"));
    command.addAll(List.of(args));
    return command;
  }

  static String java() {
    return ProcessHandle.current().info().command().orElseThrow();
  }

  static String testClasses() {
    try {
      return Path.of(TinyTwinServer.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static String get(URI base, String pathAndQuery) throws Exception {
    // Generous: /burn takes longer on a busy machine.
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery))
        .timeout(Duration.ofSeconds(70)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new AssertionError("GET " + pathAndQuery + ": " + response.statusCode());
    }
    return response.body();
  }

  static long pid(Twin twin) throws Exception {
    return Long.parseLong(get(twin.baseUrl(), "/pid"));
  }

  static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }
}
